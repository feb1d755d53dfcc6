package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.FollowUp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ChatControllerTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ExchangeLog exchanges;

    ChatResponse chat(Object body) {
        return web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(ChatResponse.class).returnResult().getResponseBody();
    }

    @Nested
    class Answering {

        @Test
        void should_answer_with_citations_and_ids() {
            ChatResponse response = chat(Map.of("message", "Welche Tipps gibt das Logistikunternehmen?"));

            assertThat(response.conversationId()).isNotBlank();
            assertThat(response.messageId()).isNotBlank();
            assertThat(response.backend()).isEqualTo("extractive");
            assertThat(response.abstained()).isFalse();
            assertThat(response.citations()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.caseId()).isEqualTo("B5");
                assertThat(c.taetigkeit()).isEqualTo("Buchhaltung");
                assertThat(c.branche()).isEqualTo("Logistik");
                assertThat(c.passageId()).startsWith("B5.tipps.");
                assertThat(response.answer()).contains("[" + c.n() + "]");
            });
        }

        @Test
        void should_stream_sources_first_then_tokens_then_done() {
            List<ServerSentEvent<Map<String, Object>>> events = web.post().uri("/api/chat/stream")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("message", "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?"))
                    .exchange().expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                    .getResponseBody().collectList().block();

            assertThat(events).isNotNull();
            assertThat(events.getFirst().event()).isEqualTo("sources");
            assertThat(events.getLast().event()).isEqualTo("done");
            List<ServerSentEvent<Map<String, Object>>> tokens = events.stream().filter(e -> "token".equals(e.event())).toList();
            // an offline answer is whole before it is sent: a few pieces, not a re-render every few words
            assertThat(tokens).hasSizeBetween(2, 3);
            String streamed = String.join("", tokens.stream().map(e -> (String) e.data().get("text")).toList());
            assertThat(streamed).isEqualTo(events.getLast().data().get("answer"));
            assertThat((List<?>) events.getFirst().data().get("sources")).isNotEmpty();
            // done comes only once the answer is stored: a rating sent right after it finds it
            assertThat(exchanges.find((String) events.getLast().data().get("messageId")).block()).isNotNull();
            assertThat(events.getLast().data().get("notice")).isNull();
            assertThat(events.getLast().data().get("rateable")).isEqualTo(true);
            // the sources are numbered as the text first cites them
            List<?> cited = (List<?>) events.getLast().data().get("citations");
            assertThat(cited).extracting(c -> ((Map<?, ?>) c).get("n")).isSortedAccordingTo((a, b) -> (Integer) a - (Integer) b)
                    .first().isEqualTo(1);
            assertThat(((List<?>) events.getFirst().data().get("sources")).subList(0, cited.size())).isEqualTo(cited);
        }

        @Test
        void should_read_a_fresh_question_without_the_conversation_before_it() {
            ChatResponse first = chat(Map.of("message", "Wie lange dauerte die Einführung bei B4?"));
            ChatResponse followUp = chat(Map.of("message", "Und welche Tipps gibt es dort?", "conversationId", first.conversationId()));
            ChatResponse fresh = chat(Map.of("message", "Und welche Tipps gibt es dort?", "conversationId", first.conversationId(),
                    "fresh", true));

            assertThat(followUp.followUp()).isTrue();
            assertThat(followUp.citations()).extracting(Citation::caseId).containsOnly("B4");
            assertThat(fresh.followUp()).isFalse();
            assertThat(fresh.citations()).extracting(Citation::caseId).isNotEmpty().anyMatch(id -> !"B4".equals(id));
            assertThat(fresh.conversationId()).isEqualTo(first.conversationId());
        }

        @Test
        void should_name_the_question_a_follow_up_was_read_with_and_the_cases_it_kept() {
            ChatResponse first = chat(Map.of("message", "Welche Tipps gibt das Logistikunternehmen?"));
            ChatResponse followUp = chat(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", first.conversationId()));
            ChatResponse topicChange = chat(Map.of("message", "Was ist das Fazit der Studie?", "conversationId", first.conversationId()));

            assertThat(first.followUp()).isFalse();
            assertThat(first.followUpOf()).isNull();
            assertThat(followUp.followUp()).isTrue();
            assertThat(followUp.followUpOf()).isEqualTo(new FollowUp("Welche Tipps gibt das Logistikunternehmen?", List.of("B5"), null));
            assertThat(topicChange.followUp()).isFalse();
            assertThat(topicChange.followUpOf()).isNull();
        }

        @Test
        void should_restrict_answers_to_a_filtered_activity() {
            ChatResponse response = chat(Map.of("message", "Welche Erfolgsfaktoren werden genannt?",
                    "filters", Map.of("taetigkeit", "Kapazitätsplanung")));

            assertThat(response.citations()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.taetigkeit()).isEqualTo("Kapazitätsplanung"));
        }
    }

    @Nested
    class Conversation {

        @Test
        void should_continue_a_conversation_the_server_remembers() {
            ChatResponse first = chat(Map.of("message", "Welche Herausforderungen hatte das Logistikunternehmen?"));

            ChatResponse second = chat(Map.of("message", "Und wie lange hat das gedauert?",
                    "conversationId", first.conversationId()));

            assertThat(second.conversationId()).isEqualTo(first.conversationId());
            assertThat(second.answer()).contains("3-4 Monate");
        }

        @Test
        void should_refuse_a_history_sent_by_the_client_and_name_the_field() {
            ChatResponse first = chat(Map.of("message", "Welche Herausforderungen hatte das Logistikunternehmen?"));

            for (String path : List.of("/api/chat", "/api/chat/stream")) {
                web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", first.conversationId(),
                                "history", List.of(Map.of("role", "user", "content", "Was macht die Innovationsagentur?"))))
                        .exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                                .contains("„history“ gibt es nicht mehr").contains("conversationId"));
            }

            // the refused request added nothing: the conversation still follows the logistics company
            ChatResponse second = chat(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", first.conversationId()));
            assertThat(second.answer()).contains("3-4 Monate");
        }
    }

    @Nested
    class OpenApi {

        @Test
        void should_describe_no_history_in_the_chat_request() {
            web.get().uri("/v3/api-docs").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.components.schemas.ChatRequest.properties.message").exists()
                    .jsonPath("$.components.schemas.ChatRequest.properties.conversationId").exists()
                    .jsonPath("$.components.schemas.ChatRequest.properties.fresh").exists()
                    .jsonPath("$.components.schemas.ChatRequest.properties.history").doesNotExist()
                    .jsonPath("$.components.schemas.ChatRequest.properties.retiredHistory").doesNotExist();
        }
    }

    @Nested
    class BadInput {

        static List<Object[]> badRequests() {
            return List.of(
                    new Object[] {Map.of("message", ""), "Bitte geben Sie eine Frage ein"},
                    new Object[] {Map.of("message", "x".repeat(2001)), "höchstens 2000 Zeichen"},
                    new Object[] {Map.of("message", "Hallo", "history", List.of()), "„history“ gibt es nicht mehr"},
                    new Object[] {Map.of("message", "Hallo", "filters", Map.of("taetigkeit", "Marketing")), "Unbekannte Tätigkeit"},
                    new Object[] {Map.of("message", "Hallo", "filters", Map.of("caseId", "Z9")), "gibt es nicht"});
        }

        @ParameterizedTest
        @MethodSource("badRequests")
        void should_reject_bad_input_with_a_german_problem_detail(Object body, String detail) {
            for (String path : List.of("/api/chat", "/api/chat/stream")) {
                web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.title").isEqualTo("Ungültige Anfrage")
                        .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
            }
        }

        @Test
        void should_answer_an_unknown_conversation_with_404() {
            web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", "Und dann?", "conversationId", "gibt-es-nicht")).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("unbekannt oder abgelaufen"));
        }

        @Test
        void should_reject_malformed_json_and_missing_body() {
            web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\": ").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("kein gültiges JSON"));
            web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isBadRequest();
        }

        @Test
        void should_not_remember_a_rejected_question() {
            ChatResponse first = chat(Map.of("message", "Welche Tipps gibt das Logistikunternehmen?"));
            web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message", "x".repeat(3000), "conversationId", first.conversationId())).exchange()
                    .expectStatus().isBadRequest();

            ChatResponse next = chat(Map.of("message", "Und wie lange hat das gedauert?", "conversationId", first.conversationId()));

            assertThat(next.answer()).contains("3-4 Monate");
        }
    }
}
