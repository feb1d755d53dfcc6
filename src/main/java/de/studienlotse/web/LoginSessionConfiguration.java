package de.studienlotse.web;

import de.studienlotse.database.Database;
import de.studienlotse.database.Housekeeping;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code WebSession} lives in the database ({@link LoginSessionRepository}), through Spring Session's WebFlux
 * support: a browser login made on one instance is valid on all instances on that database, and a logout on one ends
 * it everywhere. Only the session chain's paths ({@link SecurityConfiguration#SESSION_PATHS}) ever ask for a session;
 * the public chain never reads one. Cookie ({@code SESSION}, HttpOnly, SameSite=Lax) and CSRF token are as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class LoginSessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LoginSessionConfiguration.class);

    @Bean
    LoginSessionRepository loginSessionRepository(Database database, JsonMapper json, LoginSessionProperties properties) {
        return new LoginSessionRepository(database, new LoginSessionAttributes(json), properties.idleTimeout(), Clock.systemUTC());
    }

    /** Deletes expired sessions every {@code cleanup-interval}. */
    @Bean
    Housekeeping loginSessionHousekeeping(LoginSessionRepository sessions, LoginSessionProperties properties) {
        Duration interval = properties.cleanupInterval();
        return new Housekeeping(interval, interval, () -> sessions.purge()
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.debug("Deleted {} expired login sessions", deleted);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not delete expired login sessions: {}", e.toString());
                    return Mono.empty();
                }));
    }
}
