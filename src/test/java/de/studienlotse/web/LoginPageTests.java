package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The German login page in front of Spring Security's form login: CSRF token, German messages, back to the asking page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LoginPageTests {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

    @Autowired
    WebTestClient web;

    @Test
    void should_show_a_german_login_form_with_a_csrf_token() {
        // when
        EntityExchangeResult<String> page = web.get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
                .expectBody(String.class).returnResult();

        // then
        assertThat(page.getResponseBody())
                .contains("<html lang=\"de\">", "<h1>Anmelden</h1>", "<label for=\"username\">Benutzername</label>",
                        "<label for=\"password\">Passwort</label>", "autocomplete=\"username\"",
                        "autocomplete=\"current-password\"", "autofocus", "<button type=\"submit\">Anmelden</button>",
                        "Beraterinnen und Berater", "Werkbank", "href=\"/\"", "CC BY-NC-ND 4.0", "method=\"post\" action=\"/login\"")
                .doesNotContain("<script", "style=", "Please sign in", "role=\"alert\"");
        assertThat(CSRF.matcher(page.getResponseBody()).find()).as("hidden CSRF input").isTrue();
    }

    @Test
    void should_say_in_german_that_the_login_failed_and_that_one_is_logged_out() {
        // given: a session with its token
        Login login = start("/login");

        // when: a wrong password
        web.post().uri("/login").cookie("SESSION", login.session)
                .body(BodyInserters.fromFormData("username", "evaluator").with("password", "falsch").with("_csrf", login.token))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");

        // then
        web.get().uri("/login?error").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("<p class=\"error\" role=\"alert\">Benutzername oder Passwort ist falsch.</p>"));
        web.get().uri("/login?logout").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("Sie sind abgemeldet.").doesNotContain("role=\"alert\""));
    }

    @Test
    void should_refuse_a_login_without_the_csrf_token() {
        Login login = start("/login");

        web.post().uri("/login").cookie("SESSION", login.session)
                .body(BodyInserters.fromFormData("username", "evaluator").with("password", SecurityConfiguration.DEV_PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void should_return_to_the_page_that_asked_for_the_login() {
        // given: the workbench sends the browser to the login page
        EntityExchangeResult<Void> asked = web.get().uri("/werkbank").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login")
                .expectBody().isEmpty();
        Login login = start("/login", asked.getResponseCookies().getFirst("SESSION").getValue());

        // when
        EntityExchangeResult<Void> loggedIn = web.post().uri("/login").cookie("SESSION", login.session)
                .body(BodyInserters.fromFormData("username", SecurityConfiguration.DEV_USER)
                        .with("password", SecurityConfiguration.DEV_PASSWORD).with("_csrf", login.token))
                .exchange()
                .expectStatus().isFound()
                .expectBody().isEmpty();

        // then: back to the workbench, logged in
        assertThat(loggedIn.getResponseHeaders().getLocation()).hasToString("/werkbank");
        ResponseCookie session = loggedIn.getResponseCookies().getFirst("SESSION");
        web.get().uri("/werkbank").cookie("SESSION", session == null ? login.session : session.getValue())
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/werkbank.html");
    }

    @Test
    void should_keep_german_problem_details_and_http_basic_for_scripts() {
        web.get().uri("/api/feedback").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Anmeldung erforderlich");
        web.get().uri("/api/feedback").headers(h -> h.setBasicAuth(SecurityConfiguration.DEV_ADVISOR, SecurityConfiguration.DEV_PASSWORD))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.title").isEqualTo("Kein Zugriff");
        web.get().uri("/api/feedback").headers(h -> h.setBasicAuth(SecurityConfiguration.DEV_USER, SecurityConfiguration.DEV_PASSWORD))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void should_ask_in_german_before_logging_out() {
        web.get().uri("/logout").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("<h1>Abmelden</h1>", "action=\"/logout\"", "name=\"_csrf\""));
    }

    private record Login(String session, String token) {
    }

    private Login start(String path) {
        return start(path, null);
    }

    /** GET the login page (in the given session, or a new one) and take its session cookie and CSRF token. */
    private Login start(String path, String session) {
        EntityExchangeResult<String> page = web.get().uri(path)
                .cookies(cookies -> { if (session != null) cookies.add("SESSION", session); })
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher token = CSRF.matcher(page.getResponseBody());
        assertThat(token.find()).isTrue();
        ResponseCookie created = page.getResponseCookies().getFirst("SESSION");
        return new Login(created != null ? created.getValue() : session, token.group(1));
    }
}
