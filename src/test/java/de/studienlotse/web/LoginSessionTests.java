package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.Database;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The browser login in the database (H2 here, PostgreSQL in {@link TwoInstancesPostgresTests}): stored under the hash
 * of the id it gets at the login, deleted at logout, and never read on the public paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LoginSessionTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

    @Autowired
    WebTestClient web;

    @Autowired
    Database database;

    @Test
    void should_store_the_login_under_the_hash_of_its_new_id_and_delete_it_at_logout() {
        // given
        Form loginPage = form("/login", null);

        // when
        String session = logIn(loginPage);

        // then
        assertThat(row(loginPage.session())).isEmpty();
        assertThat(row(session)).hasValueSatisfying(row -> assertThat(row.get("principal_name")).isEqualTo(SecurityConfiguration.DEV_USER));

        // when: logout
        Form logoutPage = form("/logout", session);
        web.post().uri("/logout").cookie("SESSION", session)
                .body(BodyInserters.fromFormData("_csrf", logoutPage.token()))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?logout");

        // then
        assertThat(row(session)).isEmpty();
        web.get().uri("/api/feedback").cookie("SESSION", session).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void should_not_read_the_session_on_public_paths() throws InterruptedException {
        // given: a login; every read of a stored session saves it again at the end of the request (a new last access)
        String session = logIn(form("/login", null));
        Object lastAccess = row(session).orElseThrow().get("last_accessed_at");
        Thread.sleep(50);

        // when: the browser sends its cookie along to the public paths
        for (String uri : new String[] {"/api/cases", "/api/search?q=Rechnungsverarbeitung", "/widget.js", "/", "/actuator/health/liveness"}) {
            web.get().uri(uri).cookie("SESSION", session).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }
        web.post().uri("/api/chat").cookie("SESSION", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        // then: untouched; a path of the session chain does read it
        assertThat(row(session).orElseThrow().get("last_accessed_at")).isEqualTo(lastAccess);
        web.get().uri("/api/feedback").cookie("SESSION", session).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk();
        assertThat((OffsetDateTime) row(session).orElseThrow().get("last_accessed_at")).isAfter((OffsetDateTime) lastAccess);
    }

    private record Form(String session, String token) {
    }

    private String logIn(Form loginPage) {
        EntityExchangeResult<Void> loggedIn = web.post().uri("/login").cookie("SESSION", loginPage.session())
                .body(BodyInserters.fromFormData("username", SecurityConfiguration.DEV_USER)
                        .with("password", SecurityConfiguration.DEV_PASSWORD).with("_csrf", loginPage.token()))
                .exchange()
                .expectStatus().isFound()
                .expectBody().isEmpty();
        ResponseCookie cookie = loggedIn.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).as("a new session id at the login").isNotNull();
        assertThat(cookie.getValue()).isNotEqualTo(loginPage.session());
        return cookie.getValue();
    }

    private Form form(String path, String session) {
        EntityExchangeResult<String> page = web.get().uri(path).accept(MediaType.TEXT_HTML)
                .cookies(cookies -> { if (session != null) cookies.add("SESSION", session); })
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher token = CSRF.matcher(page.getResponseBody());
        assertThat(token.find()).isTrue();
        ResponseCookie created = page.getResponseCookies().getFirst("SESSION");
        return new Form(created != null ? created.getValue() : session, token.group(1));
    }

    private Optional<Map<String, Object>> row(String session) {
        return database.mono(db -> db.sql("SELECT principal_name, last_accessed_at FROM login_session WHERE id_hash = :id")
                        .bind("id", LoginSessionRepository.hash(session)).fetch().one())
                .blockOptional(WAIT);
    }
}
