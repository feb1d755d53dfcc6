package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.TestDatabases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.server.PathContainer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Who may call what: every endpoint and method of the service against anonymous callers, an advisor and an evaluator,
 * asserted from one table. "Allowed" means security lets the request through (the endpoint may still answer 404 for
 * an unknown id, 400 for a bad body); "refused" is 401 for an anonymous API caller (a browser asking for a page is
 * sent to the login), 403 for a login without the role, each as a German problem detail. Changes the workbench page
 * makes with its session are refused by the CSRF check first when anonymous. The table must name every endpoint the
 * service maps (read from its handler mappings), so an endpoint added without a row fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // an evaluator's allowed POST starts a run: the five questions of the workbench tests keep it short
        "studienlotse.evaluation.questions=src/test/resources/evaluation/workbench-questions.jsonl",
        "studienlotse.evaluation.baselines=false",
        "studienlotse.web.rate-limit.requests=1000", "studienlotse.web.rate-limit.feedback-requests=1000"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class AuthorisationMatrixTests {

    static final String PASSWORD = "matrix-test";

    enum Caller { ANONYMOUS, ADVISOR, EVALUATOR }

    /** Who may: everyone, or only the role named. */
    enum Access { PUBLIC, ADVISOR, EVALUATOR }

    /**
     * @param page       a browser page: an anonymous caller is sent to the login
     * @param csrfFirst  a change the workbench page makes with its login session: without a login (and so without
     *                   HTTP Basic) the CSRF check refuses it (403) before the login is asked for
     */
    record Endpoint(HttpMethod method, String path, Access access, String body, boolean page, boolean csrfFirst) {

        static Endpoint api(HttpMethod method, String path, Access access) {
            return new Endpoint(method, path, access, null, false, false);
        }

        static Endpoint json(HttpMethod method, String path, Access access, String body) {
            return new Endpoint(method, path, access, body, false, false);
        }

        static Endpoint page(String path, Access access) {
            return new Endpoint(HttpMethod.GET, path, access, null, true, false);
        }

        Endpoint refusedByCsrfFirst() {
            return new Endpoint(method, path, access, body, page, true);
        }
    }

    static final String CHAT = "{\"message\": \"Wie lange hat die Einführung bei B5 gedauert?\"}";
    static final String RATING = "{\"messageId\": \"unbekannt\", \"rating\": \"up\"}";
    static final String PROFILE = "{\"taetigkeit\": \"Buchhaltung\", \"concerns\": [\"Datenschutz\"]}";
    static final String NOTE = "{\"text\": \"Notiz\"}";
    static final String EVALUATOR_RATING = "{\"correctness\": 4, \"groundedness\": 5, \"helpfulness\": 3}";
    /** The bodies by the names the table gives them; before the table, which reads them as it is built. */
    private static final Map<String, String> BODIES = Map.of("CHAT", CHAT, "RATING", RATING, "PROFILE", PROFILE,
            "NOTE", NOTE, "EVALUATOR_RATING", EVALUATOR_RATING);

    /**
     * The table: every endpoint and method the service maps, and a few methods it does not. A row: the method
     * ({@code PAGE} for a browser page, a GET), the path, who may call it, and optionally the JSON body it is sent
     * (one of the constants above) and {@code csrf-first}; see {@link Endpoint}.
     */
    static final List<Endpoint> ENDPOINTS = endpoints("""
            # the study, search and chat: public
            GET    /api/cases                                       PUBLIC
            GET    /api/cases/B1                                    PUBLIC
            GET    /api/passages/B5.tipps.1                         PUBLIC
            GET    /api/search?q=Tipps                              PUBLIC
            GET    /api/cases/compare?ids=B1,K3                     PUBLIC
            GET    /api/study/sections                              PUBLIC
            GET    /api/study/aggregates                            PUBLIC
            POST   /api/chat                                        PUBLIC    CHAT
            POST   /api/chat/stream                                 PUBLIC    CHAT
            DELETE /api/cases/B1                                    PUBLIC
            GET    /actuator/health                                 PUBLIC
            GET    /v3/api-docs                                     PUBLIC
            PAGE   /                                                PUBLIC
            PAGE   /widget.js                                       PUBLIC
            PAGE   /berater                                         PUBLIC
            PAGE   /berater/faelle/B4                               PUBLIC
            PAGE   /berater/                                        PUBLIC
            PAGE   /berater/vergleich                               PUBLIC
            PAGE   /berater/auswertung                              PUBLIC
            PAGE   /berater/studie                                  PUBLIC
            PAGE   /login                                           PUBLIC
            PAGE   /logout                                          PUBLIC
            # operations and the API description: public
            GET    /actuator                                        PUBLIC
            GET    /actuator/health/liveness                        PUBLIC
            GET    /actuator/info                                   PUBLIC
            GET    /v3/api-docs.yaml                                PUBLIC
            GET    /v3/api-docs/swagger-config                      PUBLIC
            GET    /v3/api-docs/unbekannt                           PUBLIC
            PAGE   /swagger-ui.html                                 PUBLIC
            # feedback: anyone rates, the team reads
            POST   /api/feedback                                    PUBLIC    RATING
            GET    /api/feedback                                    EVALUATOR
            GET    /api/feedback/export.csv                         EVALUATOR
            GET    /api/feedback/export.json                        EVALUATOR
            DELETE /api/feedback                                    EVALUATOR
            # the evaluators' workbench
            PAGE   /werkbank                                        EVALUATOR
            PAGE   /werkbank/                                       EVALUATOR
            GET    /api/evaluation/csrf                             EVALUATOR
            POST   /api/evaluation/runs                             EVALUATOR csrf-first
            GET    /api/evaluation/runs                             EVALUATOR
            GET    /api/evaluation/runs/compare?a=x&b=y             EVALUATOR
            GET    /api/evaluation/runs/unbekannt                   EVALUATOR
            PUT    /api/evaluation/runs/unbekannt/ratings/r001      EVALUATOR EVALUATOR_RATING csrf-first
            GET    /api/evaluation/runs/unbekannt/ratings           EVALUATOR
            GET    /api/evaluation/runs/unbekannt/agreement?a=x&b=y EVALUATOR
            GET    /api/evaluation/ratings/export.csv               EVALUATOR
            GET    /api/evaluation/ratings/export.json              EVALUATOR
            # consultation briefs
            PAGE   /berater/briefing                                ADVISOR
            POST   /api/briefs                                      ADVISOR   PROFILE
            GET    /api/briefs                                      ADVISOR
            GET    /api/briefs/unbekannt                            ADVISOR
            GET    /api/briefs/unbekannt.md                         ADVISOR
            GET    /api/briefs/unbekannt.pdf                        ADVISOR
            DELETE /api/briefs/unbekannt/items/1                    ADVISOR
            POST   /api/briefs/unbekannt/notes                      ADVISOR   NOTE
            DELETE /api/briefs/unbekannt/notes/1                    ADVISOR
            DELETE /api/briefs/unbekannt                            ADVISOR
            """);

    private static List<Endpoint> endpoints(String table) {
        return table.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> {
            List<String> cells = List.of(line.split("\\s+"));
            Access access = Access.valueOf(cells.get(2));
            Endpoint endpoint = cells.get(0).equals("PAGE") ? Endpoint.page(cells.get(1), access)
                    : Endpoint.json(HttpMethod.valueOf(cells.get(0)), cells.get(1), access,
                    cells.size() > 3 && !cells.get(3).equals("csrf-first") ? BODIES.get(cells.get(3)) : null);
            return cells.getLast().equals("csrf-first") ? endpoint.refusedByCsrfFirst() : endpoint;
        }).toList();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.h2().register(registry);
        // own logins with a cheap hash: the table makes some hundred logins
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        Map<String, String> users = Map.of("beraterin", "ADVISOR", "evaluatorin", "EVALUATOR");
        int i = 0;
        for (Map.Entry<String, String> user : users.entrySet()) {
            String prefix = "studienlotse.security.users[" + i++ + "].";
            registry.add(prefix + "name", user::getKey);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", user::getValue);
        }
    }

    static boolean allowed(Access access, Caller caller) {
        return switch (access) {
            case PUBLIC -> true;
            case ADVISOR -> caller == Caller.ADVISOR;
            case EVALUATOR -> caller == Caller.EVALUATOR;
        };
    }

    EntityExchangeResult<byte[]> call(Endpoint endpoint, Caller caller) {
        WebTestClient.RequestBodySpec request = web.method(endpoint.method()).uri(endpoint.path())
                .accept(endpoint.page() ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON);
        switch (caller) {
            case ADVISOR -> request.headers(h -> h.setBasicAuth("beraterin", PASSWORD));
            case EVALUATOR -> request.headers(h -> h.setBasicAuth("evaluatorin", PASSWORD));
            case ANONYMOUS -> { }
        }
        WebTestClient.RequestHeadersSpec<?> ready = endpoint.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body());
        return ready.exchange().expectBody().returnResult();
    }

    @Test
    void should_let_each_caller_reach_exactly_the_endpoints_its_role_allows() {
        // given
        List<String> violations = new ArrayList<>();

        // when
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                EntityExchangeResult<byte[]> result = call(endpoint, caller);
                int status = result.getStatus().value();
                String cell = "%s %s as %s: %d".formatted(endpoint.method(), endpoint.path(), caller, status);
                if (allowed(endpoint.access(), caller)) {
                    if (status == 401 || status == 403 || status >= 500 || (status == 302 && isLogin(result))) {
                        violations.add(cell + " (expected to be let through)");
                    }
                } else if (caller == Caller.ANONYMOUS && endpoint.csrfFirst()) {
                    if (status != 403) violations.add(cell + " (expected the CSRF check's 403)");
                } else if (caller == Caller.ANONYMOUS) {
                    boolean toLogin = endpoint.page() ? status == 302 && isLogin(result) : status == 401 && isProblem(result);
                    if (!toLogin) violations.add(cell + (endpoint.page() ? " (expected a redirect to /login)" : " (expected a 401 problem)"));
                } else if (status != 403 || !isProblem(result)) {
                    violations.add(cell + " (expected a 403 problem)");
                }
            }
        }

        // then
        assertThat(violations).isEmpty();
    }

    /**
     * The table is complete: every path pattern and method the service maps (annotated controllers, actuator and
     * springdoc endpoints, functional routes) is the best match of some row. A new endpoint without a row fails here.
     */
    @Test
    void should_have_a_row_for_every_endpoint_and_method_the_service_maps() {
        // given
        List<Mapped> mapped = new ArrayList<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<HttpMethod> methods = info.getMethodsCondition().getMethods().stream()
                            .map(m -> HttpMethod.valueOf(m.name())).collect(Collectors.toSet());
                    info.getPatternsCondition().getPatterns().forEach(pattern -> mapped.add(new Mapped(methods, pattern)));
                }));
        context.getBeansOfType(RouterFunctionMapping.class).values().stream()
                .map(RouterFunctionMapping::getRouterFunction).filter(Objects::nonNull)
                .forEach(routes -> routes.accept(new RouteReader(mapped)));
        assertThat(mapped).as("mapped endpoints found").hasSizeGreaterThan(40);

        // when: each row claims the pattern that would serve it
        Set<Mapped> covered = new HashSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            PathContainer path = PathContainer.parsePath(endpoint.path().replaceFirst("\\?.*", ""));
            mapped.stream().filter(m -> m.serves(endpoint.method()) && m.pattern().matches(path))
                    .min(Comparator.comparing(Mapped::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                    .ifPresent(covered::add);
        }

        // then
        assertThat(mapped.stream().filter(m -> !covered.contains(m)).map(Mapped::toString).sorted().toList())
                .as("endpoints without a row in ENDPOINTS").isEmpty();
    }

    /** A path pattern and the methods it is mapped for; none means any (a row of any method covers it). */
    record Mapped(Set<HttpMethod> methods, PathPattern pattern) {

        boolean serves(HttpMethod method) {
            return methods.isEmpty() || methods.contains(method);
        }

        @Override
        public String toString() {
            return (methods.isEmpty() ? "*" : methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(",")))
                    + " " + pattern.getPatternString();
        }
    }

    /** Reads the functional routes ({@code RouterFunctions.route().GET(path, ...)}): a method and a path each. */
    static final class RouteReader implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final List<Mapped> mapped;
        private Set<HttpMethod> methods = Set.of();
        private String path;

        RouteReader(List<Mapped> mapped) {
            this.mapped = mapped;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            methods = Set.of();
            path = null;
            predicate.accept(this);
            if (path == null) throw new AssertionError("a route without a path: " + predicate);
            mapped.add(new Mapped(methods, PathPatternParser.defaultInstance.parse(path)));
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        public void path(String pattern) {
            this.path = pattern;
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            throw new AssertionError("a route this test cannot read, give it a row by hand: " + predicate);
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            throw new AssertionError("a router this test cannot read: " + routerFunction);
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
            throw new AssertionError("resources served by a router function: give them rows and read them here");
        }

        // the rest only combines or narrows what method() and path() give
        @Override public void startNested(RequestPredicate predicate) { predicate.accept(this); }
        @Override public void endNested(RequestPredicate predicate) { }
        @Override public void attributes(Map<String, Object> attributes) { }
        @Override public void pathExtension(String extension) { }
        @Override public void header(String name, String value) { }
        @Override public void queryParam(String name, String value) { }
        @Override public void version(String version) { }
        @Override public void startAnd() { }
        @Override public void and() { }
        @Override public void endAnd() { }
        @Override public void startOr() { }
        @Override public void or() { }
        @Override public void endOr() { }
        @Override public void startNegate() { }
        @Override public void endNegate() { }
    }

    private static boolean isLogin(EntityExchangeResult<byte[]> result) {
        String location = result.getResponseHeaders().getFirst("Location");
        return location != null && location.endsWith("/login");
    }

    private static boolean isProblem(EntityExchangeResult<byte[]> result) {
        MediaType type = result.getResponseHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
