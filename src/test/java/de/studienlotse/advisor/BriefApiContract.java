package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brief API over HTTP on a running service with three configured logins (two advisors, one evaluator), written
 * once and run on H2 and on PostgreSQL. No {@code @Nested} groups here: nested classes of this abstract class would not
 * see the subclasses' {@code @DynamicPropertySource} (database, logins).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class BriefApiContract {

    static final String PASSWORD = "ein-langes-test-passwort";
    static final String ANNA = "anna";
    static final String BEN = "ben";
    static final String EVA = "eva";
    static final Map<String, Object> BUCHHALTUNG = Map.of("branche", "Steuerberatung", "size", "12 Mitarbeitende",
            "taetigkeit", "Buchhaltung", "concerns", List.of("Datenschutz", "Barrierefreiheit"), "notes", "Chefin skeptisch");

    /** Two advisors and an evaluator, configured as in production (BCrypt hashes, roles). */
    static void users(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] users = {{ANNA, "ADVISOR"}, {BEN, "ADVISOR"}, {EVA, "EVALUATOR"}};
        for (int i = 0; i < users.length; i++) {
            String prefix = "studienlotse.security.users[" + i + "].";
            String[] user = users[i];
            registry.add(prefix + "name", () -> user[0]);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", () -> user[1]);
        }
    }

    @Autowired
    WebTestClient web;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode create(String advisor, Object profile) {
        byte[] body = web.post().uri("/api/briefs").headers(h -> h.setBasicAuth(advisor, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(profile)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/briefs/"))
                .expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    WebTestClient.ResponseSpec get(String advisor, String uri) {
        return web.get().uri(uri).headers(h -> h.setBasicAuth(advisor, PASSWORD)).exchange();
    }

    JsonNode readJson(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }


    @Test
    void should_put_buchhaltung_cases_first_and_cite_only_passages_that_exist() {
        // when
        JsonNode brief = create(ANNA, BUCHHALTUNG);

        // then: the similar cases are Buchhaltung cases
        JsonNode cases = brief.get("sections").get(0);
        assertThat(cases.get("id").asString()).isEqualTo("faelle");
        List<String> caseIds = cases.get("items").valueStream().filter(i -> i.get("kind").asString().equals("FALL"))
                .map(i -> i.get("caseId").asString()).toList();
        assertThat(caseIds).hasSizeBetween(2, 4).allMatch(id -> id.startsWith("B"));

        // and every item cites a passage the study has, word for word
        Set<String> cited = new LinkedHashSet<>();
        Map<String, String> quotes = new HashMap<>();
        brief.get("sections").valueStream().flatMap(s -> s.get("items").valueStream()).forEach(item -> {
            JsonNode source = item.get("citation");
            if (item.get("kind").asString().equals("NICHT_IN_STUDIE")) {
                assertThat(source == null || source.isNull()).isTrue();
                return;
            }
            cited.add(source.get("passageId").asString());
            quotes.put(source.get("passageId").asString(), source.get("quote").asString());
        });
        assertThat(cited).hasSizeGreaterThan(20);
        for (String passageId : cited) {
            JsonNode passage = readJson(web.get().uri("/api/passages/{id}", passageId).exchange());
            assertThat(passage.get("text").asString()).as(passageId).isEqualTo(quotes.get(passageId));
        }
        assertThat(brief.get("citations").size()).isEqualTo(cited.size());
        assertThat(brief.get("license").asString()).contains("CC BY-NC-ND 4.0");
    }

    @Test
    void should_say_so_when_the_study_never_mentions_a_concern() {
        JsonNode brief = create(ANNA, BUCHHALTUNG);

        assertThat(brief.get("sections").valueStream().flatMap(s -> s.get("items").valueStream())
                .filter(i -> i.get("kind").asString().equals("NICHT_IN_STUDIE"))
                .map(i -> i.get("text").asString()))
                .singleElement().asString().contains("„Barrierefreiheit“: Dazu enthält die Studie keine Angaben");
    }

    @Test
    void should_refuse_bad_profiles_with_german_problem_details() {
        problem(Map.of("branche", " ", "concerns", List.of()), "leeres Profil");
        problem(Map.of("branche", "Handwerk", "notes", "x".repeat(2001)), "Notizen ist zu lang (2001 Zeichen, höchstens 2000)");
        problem(Map.of("concerns", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")), "Höchstens 8 Anliegen");
        web.post().uri("/api/briefs").headers(h -> h.setBasicAuth(ANNA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"branche\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void problem(Object profile, String detail) {
        web.post().uri("/api/briefs").headers(h -> h.setBasicAuth(ANNA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(profile)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Ungültige Anfrage")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }


    @Test
    void should_never_show_one_advisors_brief_to_another() {
        // given
        String id = create(ANNA, BUCHHALTUNG).get("id").asString();
        String item = "e1";

        // then: for Ben the brief does not exist, whatever he tries
        for (String uri : List.of("/api/briefs/" + id, "/api/briefs/" + id + ".md", "/api/briefs/" + id + ".pdf")) {
            get(BEN, uri).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.delete().uri("/api/briefs/{id}/items/{item}", id, item).headers(h -> h.setBasicAuth(BEN, PASSWORD))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/briefs/{id}/notes", id).headers(h -> h.setBasicAuth(BEN, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "fremd"))
                .exchange().expectStatus().isNotFound();
        web.delete().uri("/api/briefs/{id}", id).headers(h -> h.setBasicAuth(BEN, PASSWORD))
                .exchange().expectStatus().isNotFound();
        assertThat(readJson(get(BEN, "/api/briefs")).valueStream().map(b -> b.get("id").asString())).doesNotContain(id);

        // and for Anna it is untouched
        JsonNode own = readJson(get(ANNA, "/api/briefs/" + id));
        assertThat(own.get("notes").size()).isZero();
        assertThat(own.get("sections").get(0).get("items").get(0).get("id").asString()).isEqualTo(item);
        assertThat(readJson(get(ANNA, "/api/briefs")).valueStream().map(b -> b.get("id").asString())).contains(id);
    }

    @Test
    void should_keep_briefs_from_evaluators_and_anonymous_callers() {
        String id = create(ANNA, BUCHHALTUNG).get("id").asString();

        get(EVA, "/api/briefs/" + id).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Rolle ADVISOR"));
        web.get().uri("/api/briefs").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/berater/briefing").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/login"));
        get(ANNA, "/berater/briefing").expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }


    @Test
    void should_remove_an_item_and_add_a_note_and_export_both() throws IOException {
        // given
        JsonNode brief = create(ANNA, BUCHHALTUNG);
        String id = brief.get("id").asString();
        JsonNode removed = brief.get("sections").get(2).get("items").get(0); // first success factor

        // when
        JsonNode edited = json.readTree(web.delete().uri("/api/briefs/{id}/items/{item}", id, removed.get("id").asString())
                .headers(h -> h.setBasicAuth(ANNA, PASSWORD)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        web.post().uri("/api/briefs/{id}/notes", id).headers(h -> h.setBasicAuth(ANNA, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Förderprogramm des Landes prüfen"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.notes[0].text").isEqualTo("Förderprogramm des Landes prüfen");

        // then
        assertThat(edited.get("sections").get(2).get("items").valueStream().map(i -> i.get("id").asString()))
                .doesNotContain(removed.get("id").asString());
        String markdown = get(ANNA, "/api/briefs/" + id + ".md").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/markdown")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).contains("attachment").contains(".md"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).contains("Förderprogramm des Landes prüfen").contains("[^1]:").contains("CC BY-NC-ND 4.0");
        byte[] pdf = get(ANNA, "/api/briefs/" + id + ".pdf").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody().returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Förderprogramm des Landes prüfen").contains("CC BY-NC-ND 4.0")
                    .contains(edited.get("citations").get(0).get("passageId").asString());
        }
    }

    @Test
    void should_refuse_empty_and_over_long_notes_and_unknown_items() {
        String id = create(ANNA, BUCHHALTUNG).get("id").asString();

        for (String note : List.of(" ", "x".repeat(2001))) {
            web.post().uri("/api/briefs/{id}/notes", id).headers(h -> h.setBasicAuth(ANNA, PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", note))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.delete().uri("/api/briefs/{id}/items/e999", id).headers(h -> h.setBasicAuth(ANNA, PASSWORD))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Diesen Eintrag gibt es im Brief nicht.");
    }

    @Test
    void should_delete_a_brief() {
        String id = create(ANNA, BUCHHALTUNG).get("id").asString();

        web.delete().uri("/api/briefs/{id}", id).headers(h -> h.setBasicAuth(ANNA, PASSWORD)).exchange()
                .expectStatus().isNoContent();

        get(ANNA, "/api/briefs/" + id).expectStatus().isNotFound();
    }
}
