package de.studienlotse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.chat.ChatResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feedback API over HTTP on a running service, written once and run on H2 and on PostgreSQL. The database is
 * shared by the tests of one class, so each test uses its own client id and answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the firm's website that embeds the widget: an origin the operator allowed
        properties = "studienlotse.web.allowed-origins=https://kmu.example")
@AutoConfigureWebTestClient
abstract class FeedbackApiContract {

    static final String QUESTION = "Wie lange hat die Einführung beim E-Commerce-Unternehmen gedauert?";
    static final String EVALUATOR = "evaluator";
    static final String DEV_PASSWORD = "studienlotse-dev";

    @Autowired
    WebTestClient web;

    final JsonMapper json = JsonMapper.builder().build();
    final String client = "test-" + UUID.randomUUID();

    ChatResponse ask(String question) {
        return web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", question))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec rate(Object body) {
        return web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .header("X-Client-Id", client)
                .bodyValue(body)
                .exchange();
    }

    /** The team's view: ratings of {@code messageId}, read as an evaluator. */
    List<Feedback> ratingsOf(String messageId) {
        List<Feedback> all = web.get().uri("/api/feedback/export.json")
                .headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Feedback>>() { }).returnResult().getResponseBody();
        return all.stream().filter(f -> f.messageId().equals(messageId)).toList();
    }

    @Test
    void should_store_a_rating_with_a_snapshot_of_question_answer_citations_and_backend() {
        // given
        ChatResponse answer = ask(QUESTION);

        // when
        rate(Map.of("messageId", answer.messageId(), "rating", "down", "reasons", List.of("unvollständig", "Quelle passt nicht"),
                "comment", "Die Dauer fehlt."))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messageId").isEqualTo(answer.messageId())
                .jsonPath("$.clientId").isEqualTo(client)
                .jsonPath("$.rating").isEqualTo("down");

        // then
        Feedback stored = ratingsOf(answer.messageId()).getFirst();
        assertThat(stored.question()).isEqualTo(QUESTION);
        assertThat(stored.answer()).isEqualTo(answer.answer());
        assertThat(stored.citations()).isEqualTo(answer.citations()).isNotEmpty();
        assertThat(stored.backend()).isEqualTo(answer.backend());
        assertThat(stored.conversationId()).isEqualTo(answer.conversationId());
        assertThat(stored.reasons()).containsExactly("unvollständig", "Quelle passt nicht");
        assertThat(stored.comment()).isEqualTo("Die Dauer fehlt.");
    }

    @Test
    void should_keep_one_changeable_rating_per_message_and_client() {
        // given
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "up")).expectStatus().isOk();

        // when
        rate(Map.of("messageId", answer.messageId(), "rating", "down", "reasons", List.of("falsch"))).expectStatus().isOk();
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", answer.messageId(), "rating", "up", "clientId", "anderer-client-" + client))
                .exchange().expectStatus().isOk();

        // then
        List<Feedback> ratings = ratingsOf(answer.messageId());
        assertThat(ratings).hasSize(2);
        assertThat(ratings).filteredOn(f -> f.clientId().equals(client)).singleElement()
                .satisfies(f -> assertThat(f.rating()).isEqualTo(Rating.DOWN))
                .satisfies(f -> assertThat(f.reasons()).containsExactly("falsch"))
                .satisfies(f -> assertThat(f.updatedAt()).isAfterOrEqualTo(f.createdAt()));
    }

    @Test
    void should_refuse_a_fourth_client_on_one_answer_with_a_german_409_problem() {
        // given: the asker and two more clients rated the answer
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "up")).expectStatus().isOk();
        for (String other : List.of("zweiter-" + client, "dritter-" + client)) {
            web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).header("X-Client-Id", other)
                    .bodyValue(Map.of("messageId", answer.messageId(), "rating", "down")).exchange().expectStatus().isOk();
        }

        // when
        WebTestClient.ResponseSpec fourth = web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .header("X-Client-Id", "vierter-" + client)
                .bodyValue(Map.of("messageId", answer.messageId(), "rating", "down")).exchange();

        // then: refused, and the first client may still change its rating
        fourth.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Konflikt")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("Diese Antwort haben schon 3 Clients bewertet"));
        rate(Map.of("messageId", answer.messageId(), "rating", "down")).expectStatus().isOk();
        assertThat(ratingsOf(answer.messageId())).hasSize(3);
    }

    @Test
    void should_give_a_client_without_id_a_new_one_to_change_its_rating_later() {
        // given
        ChatResponse answer = ask(QUESTION);

        // when
        String clientId = web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", answer.messageId(), "rating", "up"))
                .exchange().expectStatus().isOk()
                .expectBody(FeedbackReceipt.class).returnResult().getResponseBody().clientId();

        // then
        assertThat(clientId).isNotBlank();
        assertThat(ratingsOf(answer.messageId())).extracting(Feedback::clientId).containsExactly(clientId);
    }

    @Test
    void should_rate_an_answer_given_as_a_stream() {
        // given
        String events = web.post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", QUESTION))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String done = events.substring(events.indexOf("event:done"));
        JsonNode response = json.readTree(done.substring(done.indexOf("data:") + 5, done.indexOf('\n', done.indexOf("data:"))));

        // when
        rate(Map.of("messageId", response.get("messageId").asString(), "rating", "up")).expectStatus().isOk();

        // then
        assertThat(ratingsOf(response.get("messageId").asString())).singleElement()
                .satisfies(f -> assertThat(f.answer()).isEqualTo(response.get("answer").asString()));
    }

    @Test
    void should_continue_a_conversation_from_the_servers_memory() {
        // given
        ChatResponse first = ask(QUESTION);

        // when / then
        web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Und welche Herausforderungen gab es dabei?", "conversationId", first.conversationId()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.conversationId").isEqualTo(first.conversationId());
        web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Und danach?", "conversationId", "gibt-es-nicht-" + client))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void should_take_ratings_and_questions_from_a_page_on_another_origin_without_csrf_token() {
        ChatResponse answer = web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ORIGIN, "https://kmu.example")
                .bodyValue(Map.of("message", QUESTION))
                .exchange().expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ORIGIN, "https://kmu.example")
                .header("X-Client-Id", client)
                .bodyValue(Map.of("messageId", answer.messageId(), "rating", "up"))
                .exchange().expectStatus().isOk();
    }

    // bad input

    @Test
    void should_answer_an_unknown_message_id_with_a_german_404_problem() {
        rate(Map.of("messageId", "gibt-es-nicht", "rating", "up"))
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Nicht gefunden")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("gibt-es-nicht").contains("keine Antwort"));
    }

    @Test
    void should_refuse_an_invalid_rating_with_a_german_400_problem() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "meh"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Ungültige Anfrage")
                .jsonPath("$.detail").isEqualTo("Die Bewertung „meh“ ist ungültig; erlaubt sind „up“ und „down“.");
        assertThat(ratingsOf(answer.messageId())).as("nothing stored").isEmpty();
    }

    @Test
    void should_refuse_a_comment_over_2000_characters_and_take_one_of_2000() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "down", "comment", "ä".repeat(2001)))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Der Kommentar ist zu lang: höchstens 2000 Zeichen, erhalten 2001.");
        assertThat(ratingsOf(answer.messageId())).isEmpty();

        rate(Map.of("messageId", answer.messageId(), "rating", "down", "comment", "ä".repeat(2000))).expectStatus().isOk();
        assertThat(ratingsOf(answer.messageId())).singleElement()
                .satisfies(f -> assertThat(f.comment()).hasSize(2000));
    }

    @Test
    void should_refuse_unknown_reasons_and_name_the_known_ones() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "down", "reasons", List.of("langweilig")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("„langweilig“").contains("Quelle passt nicht"));
    }

    @Test
    void should_refuse_a_rating_without_message_id_or_with_a_malformed_body() {
        rate(Map.of("rating", "up")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Bitte geben Sie die messageId der bewerteten Antwort an.");
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"messageId\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // the team's views

    @Test
    void should_require_a_login_to_read_feedback() {
        web.get().uri("/api/feedback").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic .*")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Anmeldung erforderlich");
        web.get().uri("/api/feedback/export.csv").headers(h -> h.setBasicAuth(EVALUATOR, "falsch")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/feedback").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/login");
    }

    @Test
    void should_list_ratings_filtered_and_paged_for_an_evaluator() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "down")).expectStatus().isOk();

        web.get().uri("/api/feedback?rating=down&from=2020-01-01&size=200")
                .headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(200)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).longValue()).isPositive())
                .jsonPath("$.items[?(@.messageId == '%s')].rating".formatted(answer.messageId())).isEqualTo("down")
                .jsonPath("$.items[?(@.rating == 'up')]").isEmpty();
        web.get().uri("/api/feedback?rating=down&to=2020-01-01")
                .headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items").isEmpty();
    }

    @Test
    void should_refuse_bad_filters_with_german_problems() {
        web.get().uri("/api/feedback?rating=mittel").headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("„rating“"));
        web.get().uri("/api/feedback?from=gestern").headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("kein Zeitpunkt"));
        web.get().uri("/api/feedback?size=10000").headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void should_export_csv_for_a_spreadsheet() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "down", "comment", "=HYPERLINK(\"http://x\"); zweiter Teil"))
                .expectStatus().isOk();

        byte[] csv = web.get().uri("/api/feedback/export.csv?rating=down")
                .headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"studienlotse-feedback-.*\\.csv\"")
                .expectBody().returnResult().getResponseBody();

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFmessage_id;client_id;rating;reasons;comment;question;answer;citations;backend;");
        // records end in CRLF; an answer's own line breaks stay inside its quoted field
        String row = Arrays.stream(text.split("\r\n")).filter(line -> line.startsWith(answer.messageId())).findFirst().orElseThrow();
        assertThat(row).contains(";" + client + ";down;")
                .contains("\"'=HYPERLINK(\"\"http://x\"\"); zweiter Teil\"")
                .contains("[1] " + answer.citations().getFirst().passageId());
    }

    @Test
    void should_export_json_with_the_whole_snapshot() {
        ChatResponse answer = ask(QUESTION);
        rate(Map.of("messageId", answer.messageId(), "rating", "up")).expectStatus().isOk();

        web.get().uri("/api/feedback/export.json?rating=up")
                .headers(h -> h.setBasicAuth(EVALUATOR, DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\".*\\.json\"")
                .expectBody()
                .jsonPath("$[?(@.messageId == '%s')].citations[0].passageId".formatted(answer.messageId()))
                .isEqualTo(answer.citations().getFirst().passageId())
                .jsonPath("$[?(@.rating == 'down')]").isEmpty();
    }
}
