package de.studienlotse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only the team reads feedback: {@code GET /api/feedback} and its exports, and the evaluators' workbench
 * ({@code /werkbank}, {@code /api/evaluation/**}) need role {@code EVALUATOR}; consultation briefs
 * ({@code /api/briefs/**} and the page {@code /berater/briefing}) need role {@code ADVISOR} (HTTP Basic for scripts, a
 * German login form at {@code /login} for browsers, see {@link LoginPage}). Only these paths get the session chain
 * ({@link #SESSION_PATHS}); everything else goes through a stateless public chain, and the widget's JSON APIs ({@code /api/**}) work from other
 * origins without CSRF tokens: cross-origin calls carry no login cookie (CORS without credentials, session cookie
 * SameSite=Lax). Refusals are German problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The development login: only without configured users and never in production (documented in the README). */
    static final String DEV_USER = "evaluator";
    static final String DEV_PASSWORD = "studienlotse-dev";
    static final String EVALUATOR = "EVALUATOR";
    /** The development login of an advisor, beside {@link #DEV_USER}, with the same password. */
    static final String DEV_ADVISOR = "berater";
    static final String ADVISOR = "ADVISOR";
    private static final String[] BRIEF_PATHS = {"/api/briefs", "/api/briefs/**", "/berater/briefing"};
    /** The evaluators' workbench: page and API (package {@code evaluation.workbench}). */
    static final String[] WORKBENCH = {"/api/evaluation", "/api/evaluation/**", "/werkbank", "/werkbank/**", "/werkbank.html",
            "/werkbank.js", "/werkbank.css"};
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /**
     * The paths that know a login: the login and logout pages, the workbench, the briefs and the team's feedback views
     * (every method but the widget's {@code POST /api/feedback}). Only these get the session chain.
     */
    static final ServerWebExchangeMatcher SESSION_PATHS = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers("/login", "/logout"),
            ServerWebExchangeMatchers.pathMatchers(WORKBENCH),
            ServerWebExchangeMatchers.pathMatchers(BRIEF_PATHS),
            ServerWebExchangeMatchers.pathMatchers("/api/feedback/**"),
            new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/feedback"),
                    new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/feedback"))));

    /**
     * Everything else is public and anonymous: the widget's API, search, cases, static files, probes. No session is read
     * or created, no request is cached for a later login, no CSRF token is made or checked (the widget calls cross-origin
     * without cookies), no login is accepted; this chain comes first because it serves nearly all requests.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain publicWebFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(SESSION_PATHS))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .build();
    }

    /** The session chain: form login with the session for browsers, HTTP Basic for scripts, roles per path. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain sessionWebFilterChain(ServerHttpSecurity http, JsonMapper json) {
        return http
                .securityMatcher(SESSION_PATHS)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/feedback").permitAll()
                        .pathMatchers("/api/feedback", "/api/feedback/**").hasRole(EVALUATOR)
                        .pathMatchers(BRIEF_PATHS).hasRole(ADVISOR)
                        .pathMatchers(WORKBENCH).hasRole(EVALUATOR)
                        .anyExchange().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, e) -> problem(exchange, json,
                        HttpStatus.UNAUTHORIZED, briefs(exchange)
                                ? "Beratungsbriefe sind nur für Beraterinnen und Berater: bitte mit einem Konto der Rolle ADVISOR anmelden."
                                : "Die Bewertungen sind nur für das Team: bitte mit einem Konto der Rolle EVALUATOR anmelden.")))
                // our German page (LoginPage); POST /login, the redirect back to the asking page and /login?error stay Spring's
                .formLogin(form -> form.loginPage("/login"))
                .exceptionHandling(handling -> handling.accessDeniedHandler((exchange, e) -> problem(exchange, json,
                        HttpStatus.FORBIDDEN, briefs(exchange)
                                ? "Dieses Konto darf keine Beratungsbriefe anlegen oder lesen (Rolle ADVISOR fehlt)."
                                : "Dieses Konto hat keinen Zugriff auf die Bewertungen (Rolle EVALUATOR fehlt).")))
                // CSRF protects the login form and logout; JSON APIs are called cross-origin by the widget. The
                // workbench's API changes data with the login cookie of its page: there the page sends the token
                // (GET /api/evaluation/csrf); scripts that log in with HTTP Basic on each request need none
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                        CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                        new OrServerWebExchangeMatcher(
                                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")),
                                new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/evaluation/**"),
                                        exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                                                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                                : ServerWebExchangeMatcher.MatchResult.match())))))
                .build();
    }

    /**
     * Spring Security would otherwise observe every request through each of its filters and every authorization: under
     * load about a tenth of the search's CPU for spans nobody reads. Logins stay observed; the request itself is
     * observed once by the server ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false)
                .shouldObserveAuthentications(true).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService userDetailsService(SecurityProperties properties, Environment environment,
                                                     PasswordEncoder encoder) {
        boolean production = properties.production() || environment.acceptsProfiles(Profiles.of("prod"));
        return new MapReactiveUserDetailsService(users(properties, production, encoder));
    }

    /** The configured users, checked; or, outside production and with none configured, the development login. */
    static List<UserDetails> users(SecurityProperties properties, boolean production, PasswordEncoder encoder) {
        if (properties.users().isEmpty()) {
            if (production) {
                throw new IllegalStateException("Production mode needs at least one user: set studienlotse.security.users[0].name, "
                        + ".password-hash (BCrypt) and .roles; there is no default password in production");
            }
            log.warn("DEVELOPMENT LOGIN ACTIVE: user '{}' (may read all feedback) and user '{}' (may write consultation "
                    + "briefs), both with the documented password '{}'. Configure studienlotse.security.users and set "
                    + "studienlotse.security.production=true for real use.", DEV_USER, DEV_ADVISOR, DEV_PASSWORD);
            String hash = encoder.encode(DEV_PASSWORD);
            return List.of(User.withUsername(DEV_USER).password(hash).roles(EVALUATOR).build(),
                    User.withUsername(DEV_ADVISOR).password(hash).roles(ADVISOR).build());
        }
        List<UserDetails> users = new ArrayList<>();
        for (int i = 0; i < properties.users().size(); i++) {
            SecurityProperties.User user = properties.users().get(i);
            String prefix = "studienlotse.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalStateException(prefix + ".name must not be blank");
            }
            String hash = user.passwordHash() == null ? null : user.passwordHash().strip().replaceFirst("^\\{bcrypt}", "");
            if (hash == null || !BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(prefix + ".password-hash must be a BCrypt hash ($2a$/$2b$/$2y$, 60 characters), "
                        + "not a password; see the README, section \"Daten und Datenschutz\"");
            }
            if (production && encoder.matches(DEV_PASSWORD, hash)) {
                throw new IllegalStateException(prefix + " uses the documented development password; choose another in production");
            }
            List<String> roles = (user.roles() == null || user.roles().isEmpty() ? List.of(EVALUATOR) : user.roles()).stream()
                    .map(role -> role.strip().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", ""))
                    .toList();
            users.add(User.withUsername(user.name().strip()).password(hash).roles(roles.toArray(String[]::new)).build());
        }
        return users;
    }

    private static boolean briefs(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value().matches("/api/briefs(/.*)?|/berater/briefing");
    }

    /** An RFC 9457 problem detail, written here because security refuses before any controller (or its advice) runs. */
    private static Mono<Void> problem(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String detail) {
        if (status == HttpStatus.UNAUTHORIZED) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Studienlotse\", charset=\"UTF-8\"");
        }
        return Problems.write(exchange, json, status, detail);
    }
}
