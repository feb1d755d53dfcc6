package de.studienlotse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default database is a file: what users, advisors and evaluators gave survives a restart of the service. One
 * service writes feedback, a consultation brief, an evaluator's rating and a conversation into an H2 file and stops; a
 * new one on the same file finds all four, and continues the conversation as a follow-up.
 */
class RestartTests {

    static final String USER = "anna";
    static final String PASSWORD = "neustart-test-passwort";
    static final String QUESTION = "Welche Herausforderungen hatte das Logistikunternehmen?";

    @TempDir
    Path dataDir;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void should_find_feedback_brief_rating_and_conversation_after_a_restart_on_the_same_h2_file() {
        // given: one login that may write briefs and rate answers, the database a file under the data directory
        Map<String, Object> settings = new HashMap<>(Map.of(
                "studienlotse.data-dir", dataDir,
                "studienlotse.evaluation.questions", "src/test/resources/evaluation/workbench-questions.jsonl",
                "studienlotse.security.users[0].name", USER,
                "studienlotse.security.users[0].password-hash", new BCryptPasswordEncoder(4).encode(PASSWORD),
                "studienlotse.security.users[0].roles", "ADVISOR,EVALUATOR"));
        JsonNode answer;
        String briefId;
        String runId;
        try (RunningService service = RunningService.start(settings)) {
            WebTestClient web = service.client();
            answer = body(web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", QUESTION)).exchange());
            body(web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).header("X-Client-Id", "neustart-test")
                    .bodyValue(Map.of("messageId", answer.path("messageId").asString(), "rating", "down", "comment", "Vor dem Neustart."))
                    .exchange());
            briefId = json.readTree(web.post().uri("/api/briefs").headers(h -> h.setBasicAuth(USER, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("branche", "Spedition", "taetigkeit", "Buchhaltung", "concerns", List.of("Datenschutz")))
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).path("id").asString();
            runId = finishedRun(web);
            web.put().uri("/api/evaluation/runs/{id}/ratings/{q}", runId, "r001").headers(h -> h.setBasicAuth(USER, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("correctness", 4, "groundedness", 5, "helpfulness", 3, "comment", "Vor dem Neustart."))
                    .exchange().expectStatus().is2xxSuccessful();
        }

        // when
        try (RunningService restarted = RunningService.start(settings)) {
            WebTestClient web = restarted.client();

            // then: the feedback
            JsonNode feedback = body(web.get().uri("/api/feedback/export.json").headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange());
            assertThat(feedback.size()).isEqualTo(1);
            assertThat(feedback.get(0).path("messageId").asString()).isEqualTo(answer.path("messageId").asString());
            assertThat(feedback.get(0).path("comment").asString()).isEqualTo("Vor dem Neustart.");
            assertThat(feedback.get(0).path("answer").asString()).isEqualTo(answer.path("answer").asString());

            // the brief
            JsonNode brief = body(web.get().uri("/api/briefs/{id}", briefId).headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange());
            assertThat(brief.path("profile").path("branche").asString()).isEqualTo("Spedition");

            // the rating, on a run that is still done
            assertThat(body(web.get().uri("/api/evaluation/runs/{id}", runId).headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange())
                    .path("status").asString()).isEqualTo("done");
            JsonNode ratings = body(web.get().uri("/api/evaluation/runs/{id}/ratings", runId)
                    .headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange()).path("ratings");
            assertThat(ratings.size()).isEqualTo(1);
            assertThat(ratings.get(0).path("questionId").asString()).isEqualTo("r001");
            assertThat(ratings.get(0).path("correctness").asInt()).isEqualTo(4);

            // the conversation: a follow-up naming no case is read with the turn before the restart
            JsonNode followUp = body(web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", answer.path("conversationId").asString()))
                    .exchange());
            assertThat(followUp.path("followUp").asBoolean()).isTrue();
            assertThat(followUp.path("answer").asString()).contains("3-4 Monate");
        }
        assertThat(dataDir.resolve("studienlotse.mv.db")).isNotEmptyFile();
    }

    private JsonNode body(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** A Werkbank run over the five test questions, waited for. */
    private String finishedRun(WebTestClient web) {
        String id = json.readTree(web.post().uri("/api/evaluation/runs").headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).path("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = body(web.get().uri("/api/evaluation/runs/{id}", id).headers(h -> h.setBasicAuth(USER, PASSWORD)).exchange());
            if (!"running".equals(run.path("status").asString())) {
                assertThat(run.path("status").asString()).as(run.path("error").asString()).isEqualTo("done");
                return id;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish in 90 s");
    }
}
