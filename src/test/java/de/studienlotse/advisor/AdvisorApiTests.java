package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public advisor views, without login: comparison, aggregates, study text, pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AdvisorApiTests {

    @Autowired
    WebTestClient web;

    @Test
    void should_compare_cases_row_by_row_with_links_to_the_passages() {
        web.get().uri("/api/cases/compare?ids=b1,K3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cases[*].id").isEqualTo(java.util.List.of("B1", "K3"))
                .jsonPath("$.rows[*].id").isEqualTo(java.util.List.of("ziel", "interaktion", "dauer", "eckdaten",
                        "herausforderungen", "erfolgsfaktoren", "tipps"))
                .jsonPath("$.rows[2].cells[0].passages[0].text").isEqualTo("9 Monate")
                .jsonPath("$.rows[2].cells[0].passages[0].link").isEqualTo("/berater/faelle/B1#B1.eckdaten.3")
                .jsonPath("$.rows[4].cells[1].passages[0].passageId").isEqualTo("K3.herausforderungen.1")
                .jsonPath("$.rows[4].cells[1].passages[0].categories[0]").isEqualTo("Datenschutz");
    }

    @Test
    void should_refuse_bad_case_lists_with_german_problem_details() {
        problem("/api/cases/compare?ids=B1,X9", "Den Fall „X9“ gibt es nicht");
        problem("/api/cases/compare?ids=B1,B2,B3,B4,B5", "Höchstens 4 Fälle");
        problem("/api/cases/compare?ids=B1,b1", "mindestens 2 verschiedene Fälle");
        problem("/api/cases/compare", "Bitte 2 bis 4 Fälle angeben");
    }

    @Test
    void should_serve_the_aggregates_computed_and_printed() {
        web.get().uri("/api/study/aggregates").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tables[0].id").isEqualTo("tabelle-1")
                .jsonPath("$.tables[0].categories[5].category").isEqualTo("Datenschutz")
                .jsonPath("$.tables[0].categories[5].total.computed").isEqualTo(5)
                .jsonPath("$.tables[0].categories[5].total.printed").isEqualTo(4)
                .jsonPath("$.tables[0].categories[5].byTaetigkeit[1].items[0].link")
                .isEqualTo("/berater/faelle/K2#K2.herausforderungen.1")
                .jsonPath("$.differences.length()").value(n -> assertThat((Integer) n).isPositive());
    }

    @Test
    void should_serve_the_study_text_outside_the_cases() {
        web.get().uri("/api/study/sections").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'methodik')].passages[5].passageId").isEqualTo("methodik.6")
                .jsonPath("$[?(@.id == 'tabelle-1')].passages[6].link").isEqualTo("/berater/studie#tabelle-1.7");
    }

    @Test
    void should_serve_the_pages_publicly_except_the_briefing() {
        for (String path : java.util.List.of("/berater", "/berater/faelle/B4", "/berater/vergleich?ids=B1,K3",
                "/berater/auswertung", "/berater/studie")) {
            web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
        web.get().uri("/berater/faelle/X9").exchange().expectStatus().isNotFound();
        web.get().uri("/berater/briefing").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection();
    }

    private void problem(String uri, String detail) {
        web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Ungültige Anfrage")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }
}
