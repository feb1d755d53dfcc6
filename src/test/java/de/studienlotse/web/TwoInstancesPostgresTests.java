package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.RunningService;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one PostgreSQL behind a load balancer without sticky sessions, over real HTTP: a browser login made
 * on one is valid on the other and a logout on either ends it on both; a rating sent to one is read on the other; the
 * rate limit counts a client's questions on both against one quota.
 */
@PostgresTest
class TwoInstancesPostgresTests {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
    private static final int QUESTIONS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void should_share_logins_ratings_and_the_rate_limit_between_two_instances_on_one_postgresql() {
        // given: two instances on one database, four questions per client network and hour (the bucket refills evenly
        // over the window: in an hour, no token comes back while this test runs on a loaded machine)
        TestDatabase database = TestDatabases.postgres();
        Map<String, Object> settings = new HashMap<>(database.properties());
        settings.put("studienlotse.web.rate-limit.requests", QUESTIONS);
        settings.put("studienlotse.web.rate-limit.window", "1h");
        try (RunningService a = RunningService.start(settings); RunningService b = RunningService.start(settings)) {

            // (3) a client's questions, sent to either instance, count against one quota: the fifth is refused
            warmUp(a);
            warmUp(b);
            EntityExchangeResult<byte[]> first = ask(a);
            assertThat(first.getStatus().value()).isEqualTo(200);
            assertThat(ask(b).getStatus().value()).isEqualTo(200);
            assertThat(ask(a).getStatus().value()).isEqualTo(200);
            assertThat(ask(b).getStatus().value()).isEqualTo(200);
            EntityExchangeResult<byte[]> refused = ask(a);
            assertThat(refused.getStatus().value()).isEqualTo(429);
            assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = JSON.readTree(new String(refused.getResponseBody(), StandardCharsets.UTF_8));
            assertThat(problem.path("status").asInt()).isEqualTo(429);
            assertThat(problem.path("detail").asString()).startsWith("Sie haben in kurzer Zeit sehr viele Fragen gestellt");

            // (2) a rating of A's first answer, sent to instance A ...
            String messageId = JSON.readTree(first.getResponseBody()).path("messageId").stringValue();
            a.client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("messageId", messageId, "rating", "down", "comment", "Quelle fehlt bei Instanz A"))
                    .exchange()
                    .expectStatus().isOk();

            // (1) a browser logs in on instance A with the form and its CSRF token
            Page loginPage = page(a, "/login", null);
            EntityExchangeResult<Void> loggedIn = a.client().post().uri("/login").cookie("SESSION", loginPage.session())
                    .body(BodyInserters.fromFormData("username", SecurityConfiguration.DEV_USER)
                            .with("password", SecurityConfiguration.DEV_PASSWORD).with("_csrf", loginPage.token()))
                    .exchange()
                    .expectStatus().isFound()
                    .expectBody().isEmpty();
            assertThat(loggedIn.getResponseHeaders().getLocation()).hasToString("/");
            ResponseCookie sessionCookie = loggedIn.getResponseCookies().getFirst("SESSION");
            assertThat(sessionCookie).as("a new session id at the login").isNotNull();
            String session = sessionCookie.getValue();
            assertThat(session).isNotEqualTo(loginPage.session());
            assertThat(sessionCookie.isHttpOnly()).isTrue();
            assertThat(sessionCookie.getSameSite()).isEqualTo("Lax");

            // ... and the next requests reach instance B with the same cookie: the Werkbank and the ratings (2: A's rating)
            b.client().get().uri("/werkbank").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/werkbank.html");
            b.client().get().uri("/api/feedback").cookie("SESSION", session).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(1)
                    .jsonPath("$.items[0].messageId").isEqualTo(messageId)
                    .jsonPath("$.items[0].comment").isEqualTo("Quelle fehlt bei Instanz A");
            String csv = b.client().get().uri("/api/feedback/export.csv").cookie("SESSION", session).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).contains(messageId, "Quelle fehlt bei Instanz A");
            // the session id from before the login is worth nothing on either instance (session fixation)
            b.client().get().uri("/api/feedback").cookie("SESSION", loginPage.session()).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isUnauthorized();

            // when: the browser logs out on instance B
            Page logoutPage = page(b, "/logout", session);
            b.client().post().uri("/logout").cookie("SESSION", logoutPage.session())
                    .body(BodyInserters.fromFormData("_csrf", logoutPage.token()))
                    .exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?logout");

            // then: instance A refuses the cookie too
            a.client().get().uri("/api/feedback").cookie("SESSION", session).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            a.client().get().uri("/werkbank").cookie("SESSION", session).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login");
        }
    }

    /**
     * Opens the instance's connections to the shared buckets before the count starts: a request waits at most a second
     * for the shared bucket and then counts on its own instance, and on a loaded machine the first connection can take
     * longer than that.
     */
    private static void warmUp(RunningService instance) {
        RateLimiter limiter = instance.bean(RateLimitConfiguration.RateLimiterHolder.class).limiter();
        assertThat(limiter).isInstanceOf(DatabaseRateLimiter.class);
        ((DatabaseRateLimiter) limiter).removeExpired();
    }

    private static EntityExchangeResult<byte[]> ask(RunningService instance) {
        return instance.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Wie lange hat die Einführung bei B5 gedauert?"))
                .exchange()
                .expectBody().returnResult();
    }

    private record Page(String session, String token) {
    }

    /** GET a form page (in the given session, or a new one): its session cookie and CSRF token. */
    private static Page page(RunningService instance, String path, String session) {
        EntityExchangeResult<String> page = instance.client().get().uri(path).accept(MediaType.TEXT_HTML)
                .cookies(cookies -> { if (session != null) cookies.add("SESSION", session); })
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();
        Matcher token = CSRF.matcher(page.getResponseBody());
        assertThat(token.find()).as("CSRF token on " + path).isTrue();
        ResponseCookie created = page.getResponseCookies().getFirst("SESSION");
        return new Page(created != null ? created.getValue() : session, token.group(1));
    }
}
