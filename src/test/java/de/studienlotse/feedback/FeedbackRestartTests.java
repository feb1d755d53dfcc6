package de.studienlotse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.RunningService;
import de.studienlotse.chat.ChatResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The default database is a file: what users gave survives a restart of the service. */
class FeedbackRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void should_find_feedback_and_conversation_after_a_restart_on_the_same_h2_file() {
        // given
        Map<String, Object> settings = Map.of("studienlotse.data-dir", dataDir);
        ChatResponse answer;
        try (RunningService service = RunningService.start(settings)) {
            answer = service.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", FeedbackApiContract.QUESTION))
                    .exchange().expectStatus().isOk()
                    .expectBody(ChatResponse.class).returnResult().getResponseBody();
            service.client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Client-Id", "neustart-test")
                    .bodyValue(Map.of("messageId", answer.messageId(), "rating", "down", "comment", "Vor dem Neustart."))
                    .exchange().expectStatus().isOk();
        }

        // when
        try (RunningService restarted = RunningService.start(settings)) {

            // then
            List<Feedback> feedback = restarted.client().get().uri("/api/feedback/export.json")
                    .headers(h -> h.setBasicAuth(FeedbackApiContract.EVALUATOR, FeedbackApiContract.DEV_PASSWORD))
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Feedback>>() { }).returnResult().getResponseBody();
            assertThat(feedback).singleElement().satisfies(f -> {
                assertThat(f.messageId()).isEqualTo(answer.messageId());
                assertThat(f.clientId()).isEqualTo("neustart-test");
                assertThat(f.comment()).isEqualTo("Vor dem Neustart.");
                assertThat(f.answer()).isEqualTo(answer.answer());
            });
            restarted.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", "Und welche Herausforderungen gab es dabei?", "conversationId", answer.conversationId()))
                    .exchange().expectStatus().isOk();
        }
        assertThat(dataDir.resolve("studienlotse.mv.db")).isNotEmptyFile();
    }
}
