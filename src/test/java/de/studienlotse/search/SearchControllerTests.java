package de.studienlotse.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@SuppressWarnings("unchecked")
class SearchControllerTests {

    @Autowired
    WebTestClient web;

    @Test
    void should_return_hits_best_first_with_their_case() {
        web.get().uri(search(Map.of("q", "Rechnungsverarbeitung", "k", "5"))).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.query").isEqualTo("Rechnungsverarbeitung")
                .jsonPath("$.hits.length()").isEqualTo(5)
                .jsonPath("$.hits[0].passageId").isNotEmpty()
                .jsonPath("$.hits[0].caseId").value(id -> assertThat((String) id).isIn("B4", "B5", "B6", "B7"))
                .jsonPath("$.hits[0].taetigkeit").isEqualTo("Buchhaltung")
                .jsonPath("$.hits[0].branche").isNotEmpty()
                .jsonPath("$.hits[0].anwendung").isNotEmpty()
                .jsonPath("$.hits[0].section").isNotEmpty()
                .jsonPath("$.hits[0].text").isNotEmpty()
                .jsonPath("$.hits[*].score").value(scores -> assertThat(scores(scores)).isSortedAccordingTo(
                        (a, b) -> Double.compare(b, a)));
    }

    @Test
    void should_explain_a_hit_found_through_a_concept_of_the_study() {
        // "Papierkram" is no word of the study; the concept layer's phrasings tie it to invoice processing
        web.get().uri(search(Map.of("q", "Papierkram mit Rechnungen", "k", "5"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits[*].concepts[*].id").value(ids -> assertThat((java.util.List<?>) ids).isNotEmpty())
                .jsonPath("$.hits[*].concepts[*].name").value(names -> assertThat((java.util.List<?>) names).isNotEmpty());
    }

    @Test
    void should_return_study_level_hits_without_a_case() {
        web.get().uri(search(Map.of("q", "Herausforderungen", "section", "fazit", "k", "3"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits.length()").isEqualTo(3)
                .jsonPath("$.hits[0].section").isEqualTo("fazit")
                .jsonPath("$.hits[0].caseId").isEmpty()
                .jsonPath("$.hits[0].taetigkeit").isEmpty();
    }

    @Test
    void should_use_ten_hits_by_default() {
        web.get().uri(search(Map.of("q", "Herausforderungen"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.hits.length()").isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kapazitätsplanung", "kapazitaetsplanung", "P"})
    void should_filter_by_taetigkeit_in_any_spelling(String taetigkeit) {
        web.get().uri(search(Map.of("q", "Herausforderungen", "taetigkeit", taetigkeit, "k", "50"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits").isNotEmpty()
                .jsonPath("$.hits[*].taetigkeit").value(values -> assertThat((List<Object>) values)
                        .containsOnly("Kapazitätsplanung"));
    }

    @Test
    void should_filter_by_case_and_section() {
        web.get().uri(search(Map.of("q", "Schulungen", "caseId", "b4", "section", "erfolgsfaktoren"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits").isNotEmpty()
                .jsonPath("$.hits[*].caseId").value(values -> assertThat((List<Object>) values).containsOnly("B4"))
                .jsonPath("$.hits[*].section").value(values -> assertThat((List<Object>) values)
                        .containsOnly("erfolgsfaktoren"));
    }

    @Test
    void should_search_query_syntax_as_text() {
        web.get().uri(search(Map.of("q", "\"foo\" AND (bar*) ~ : [x] Datenschutz"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.hits").isNotEmpty();
    }

    @Test
    void should_answer_a_question_without_known_words_with_no_hits() {
        web.get().uri(search(Map.of("q", "und oder"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.hits").isEmpty();
    }

    static Stream<Arguments> bad_input() {
        return Stream.of(
                arguments("q missing", Map.of(), "Suchtext"),
                arguments("q blank", Map.of("q", "   "), "Suchtext"),
                arguments("q too long", Map.of("q", "Rechnung ".repeat(112)), "höchstens 1.000 Zeichen"),
                arguments("k zero", Map.of("q", "Rechnung", "k", "0"), "von 1 bis 50"),
                arguments("k too large", Map.of("q", "Rechnung", "k", "51"), "von 1 bis 50"),
                arguments("k negative", Map.of("q", "Rechnung", "k", "-3"), "von 1 bis 50"),
                arguments("k not a number", Map.of("q", "Rechnung", "k", "zehn"), "ganze Zahl"),
                arguments("k decimal", Map.of("q", "Rechnung", "k", "2.5"), "ganze Zahl"),
                arguments("unknown taetigkeit", Map.of("q", "Rechnung", "taetigkeit", "Marketing"),
                        "Unbekannte Tätigkeit"),
                arguments("unknown caseId", Map.of("q", "Rechnung", "caseId", "X9"), "Unbekannter Fall"),
                arguments("unknown section", Map.of("q", "Rechnung", "section", "kapitel-7"),
                        "Unbekannter Abschnitt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_input")
    void should_reject_bad_input_with_a_german_problem_detail(String name, Map<String, String> params,
                                                               String detail) {
        web.get().uri(search(params)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail))
                .jsonPath("$.title").isEqualTo("Ungültige Anfrage");
    }

    @Test
    void should_accept_a_question_of_exactly_1000_characters() {
        String query = "Rechnung ".repeat(111) + "a";
        assertThat(query).hasSize(1_000);
        web.get().uri(search(Map.of("q", query))).exchange().expectStatus().isOk();
    }

    @Test
    void should_describe_the_search_in_the_openapi_document() {
        // the first request builds the whole OpenAPI document: seconds on a busy machine
        web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/search'].get.parameters[*].name").value(names ->
                        assertThat((List<Object>) names).contains("q", "k", "taetigkeit", "caseId", "section"));
    }

    private static Function<UriBuilder, URI> search(Map<String, String> params) {
        return builder -> {
            builder.path("/api/search");
            // encoded as a template variable each, so quotes, brackets and colons arrive unchanged
            params.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
            return builder.build(params);
        };
    }

    private static List<Double> scores(Object values) {
        return ((List<?>) values).stream().map(v -> ((Number) v).doubleValue()).toList();
    }
}
