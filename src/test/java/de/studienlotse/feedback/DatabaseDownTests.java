package de.studienlotse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.chat.ChatResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database is unreachable (a closed port; migrations are skipped so the service starts at all): feedback says
 * 503, the chat keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DatabaseDownTests {

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void unreachableDatabase(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + closedPort + "/studienlotse");
        registry.add("spring.r2dbc.username", () -> "studienlotse");
        registry.add("spring.r2dbc.password", () -> "geheim");
        registry.add("spring.flyway.enabled", () -> "false");
    }

    private ChatResponse ask(Map<String, Object> body) {
        return web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
    }

    @Test
    void should_keep_answering_questions() {
        // when
        ChatResponse answer = ask(Map.of("message", FeedbackApiContract.QUESTION));

        // then
        assertThat(answer.answer()).isNotBlank();
        assertThat(answer.citations()).isNotEmpty();
        assertThat(answer.messageId()).isNotBlank();
        assertThat(answer.notice()).as("the answer could not be stored, so a rating could not find it")
                .contains("lässt sich deshalb nicht bewerten");
        assertThat(answer.rateable()).as("and the widget offers no rating for it").isFalse();
    }

    @Test
    void should_answer_a_follow_up_without_history_and_say_so() {
        // when
        ChatResponse answer = ask(Map.of("message", "Und welche Herausforderungen gab es dabei?", "conversationId", "c-1"));

        // then
        assertThat(answer.answer()).isNotBlank();
        assertThat(answer.notice()).contains("Verlauf dieser Unterhaltung ist gerade nicht abrufbar");
    }

    @Test
    void should_keep_streaming_answers() {
        web.post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", FeedbackApiContract.QUESTION))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(events -> assertThat(events).contains("event:done").doesNotContain("event:error"));
    }

    @Test
    void should_answer_a_rating_with_a_german_503_problem() {
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", "m-1", "rating", "up"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Dienst vorübergehend nicht verfügbar")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Datenbank"))
                .jsonPath("$.clientId").isNotEmpty();
    }

    @Test
    void should_answer_the_teams_views_with_503_problems() {
        for (String uri : new String[] {"/api/feedback", "/api/feedback/export.csv", "/api/feedback/export.json"}) {
            web.get().uri(uri)
                    .headers(h -> h.setBasicAuth(FeedbackApiContract.EVALUATOR, FeedbackApiContract.DEV_PASSWORD))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void should_stay_alive_but_not_ready_while_the_database_is_down() {
        // then: liveness never asks the database, so nothing restarts the process; readiness and the full health do
        web.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }

    @Test
    void should_still_refuse_bad_input_with_400_before_touching_the_database() {
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", "m-1", "rating", "meh"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void should_show_the_login_page_and_take_a_session_it_cannot_read_as_no_login() {
        // the browser login lives in the database: without it the page still renders, and a cookie opens nothing
        web.get().uri("/login").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("name=\"_csrf\""));
        web.get().uri("/api/feedback").cookie("SESSION", "5a0c1f3e-0000-4000-8000-000000000000")
                .accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
