package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CaseControllerTests {

    @Autowired
    WebTestClient web;

    @Test
    void should_list_the_18_cases_with_their_facts() {
        web.get().uri("/api/cases").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(18)
                .jsonPath("$[0].id").isEqualTo("B1")
                .jsonPath("$[0].taetigkeit").isEqualTo("Buchhaltung")
                .jsonPath("$[0].duration").isEqualTo("9 Monate")
                .jsonPath("$[0].externalSupport").isEqualTo(false)
                .jsonPath("$[17].id").isEqualTo("P4")
                .jsonPath("$[17].branche").doesNotExist();
    }

    @Test
    void should_show_a_whole_case_with_sections_and_passages() {
        web.get().uri("/api/cases/b4").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.summary.id").isEqualTo("B4")
                .jsonPath("$.sections[?(@.id == 'erfolgsfaktoren')].passages[1].passageId")
                .isEqualTo("B4.erfolgsfaktoren.2");
    }

    @Test
    void should_show_one_passage_with_its_case() {
        web.get().uri("/api/passages/B4.erfolgsfaktoren.2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.caseId").isEqualTo("B4")
                .jsonPath("$.branche").isEqualTo("E-Commerce")
                .jsonPath("$.label").isEqualTo("Persönliche Gespräche, Schulungen");
    }

    @Test
    void should_answer_unknown_ids_with_a_german_problem_detail() {
        web.get().uri("/api/cases/X9").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Nicht gefunden")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("B1–B7"));
        web.get().uri("/api/passages/B4.nichts.9").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
