package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.RunningService;
import de.studienlotse.answer.Turn;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Two instances behind a load balancer share one PostgreSQL: either continues any conversation. */
@PostgresTest
class ConversationAcrossInstancesPostgresTests {

    @Test
    void should_continue_one_conversation_across_two_instances_on_one_postgresql() {
        // given
        TestDatabase database = TestDatabases.postgres();
        try (RunningService a = RunningService.start(database.properties());
             RunningService b = RunningService.start(database.properties())) {
            ChatResponse first = ask(a, "Wie lange hat die Einführung beim E-Commerce-Unternehmen gedauert?", null);

            // when
            ChatResponse second = ask(b, "Und welche Herausforderungen gab es dabei?", first.conversationId());
            ChatResponse third = ask(a, "Wer war daran beteiligt?", first.conversationId());

            // then
            assertThat(List.of(second.conversationId(), third.conversationId())).containsOnly(first.conversationId());
            for (RunningService instance : List.of(a, b)) {
                List<Turn> turns = instance.bean(ConversationMemory.class).turns(first.conversationId()).block(Duration.ofSeconds(10));
                assertThat(turns).extracting(Turn::content).containsExactly(
                        "Wie lange hat die Einführung beim E-Commerce-Unternehmen gedauert?", first.answer(),
                        "Und welche Herausforderungen gab es dabei?", second.answer(),
                        "Wer war daran beteiligt?", third.answer());
            }
            b.client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("messageId", first.messageId(), "rating", "up"))
                    .exchange()
                    .expectStatus().isOk(); // B rates an answer A gave
        }
    }

    private static ChatResponse ask(RunningService instance, String question, String conversationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return instance.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
    }
}
