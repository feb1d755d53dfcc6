package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.DigestUtils;

/**
 * Two chains: the public one keeps no session, cache or CSRF token; the session chain guards the same paths with the
 * same rules as before. Static files carry cache headers a host site can live with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SecurityChainsTests {

    @Autowired
    WebTestClient web;

    @Test
    void should_answer_public_requests_without_creating_a_session() {
        // when / then: no Set-Cookie on the API, the widget, its libraries, the pages and the probes
        for (String uri : new String[] {"/api/search?q=Rechnungsverarbeitung", "/api/cases", "/widget.js", "/",
                "/webjars/marked/lib/marked.esm.js", "/actuator/health/liveness", "/berater/vergleich"}) {
            web.get().uri(uri).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }
        web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void should_keep_the_session_and_the_way_back_only_where_a_login_is_needed() {
        // when: a browser asks for the workbench without a login
        var result = web.get().uri("/werkbank").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login")
                .returnResult(Void.class);

        // then: the session remembers where to return after the login
        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(c -> assertThat(c).startsWith("SESSION="));
    }

    @Test
    void should_keep_the_access_rules_of_every_protected_path() {
        // then: reads of feedback, briefs and the workbench API need a login (German problem details)
        for (String uri : new String[] {"/api/feedback", "/api/feedback/export.csv", "/api/briefs", "/api/evaluation/runs"}) {
            web.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/berater/briefing").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection();
        // the wrong role is refused
        web.get().uri("/api/briefs").headers(h -> h.setBasicAuth("evaluator", "studienlotse-dev")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/feedback").headers(h -> h.setBasicAuth("evaluator", "studienlotse-dev")).exchange()
                .expectStatus().isOk();
        // a rating from the widget stays public and needs no CSRF token: a bad one is refused for its content
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", "m-1", "rating", "meh"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void should_ignore_credentials_on_public_paths() {
        // when: a wrong password on a public path is not even checked
        web.get().uri("/api/cases").headers(h -> h.setBasicAuth("evaluator", "falsch")).exchange()
                // then
                .expectStatus().isOk();
    }

    @Test
    void should_cache_the_widget_under_its_content_hash_for_a_year_and_under_its_name_briefly() throws IOException {
        // given
        String md5;
        try (InputStream widget = new ClassPathResource("static/widget.js").getInputStream()) {
            md5 = DigestUtils.md5DigestAsHex(widget);
        }

        // when / then
        web.get().uri("/widget-" + md5 + ".js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
        web.get().uri("/widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=600, public");
        web.get().uri("/webjars/dompurify/dist/purify.es.mjs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=600, public");
    }

    @Test
    void should_not_cache_answers_missing_files_or_the_workbench() {
        // then
        web.get().uri("/api/cases").exchange()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("no-store"));
        web.get().uri("/gibt-es-nicht.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).doesNotContain("public"));
        web.get().uri("/widget-0123456789abcdef0123456789abcdef.js").exchange()
                .expectStatus().isNotFound();
    }
}
