package de.studienlotse.web;

import de.studienlotse.database.Database;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
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

    @Bean
    LoginSessionRepository loginSessionRepository(Database database, JsonMapper json, LoginSessionProperties properties) {
        return new LoginSessionRepository(database, new LoginSessionAttributes(json), properties.idleTimeout(), Clock.systemUTC());
    }

    @Bean
    Housekeeping loginSessionHousekeeping(LoginSessionRepository sessions, LoginSessionProperties properties) {
        return new Housekeeping(sessions, properties.cleanupInterval());
    }

    /** Deletes expired sessions every {@code cleanup-interval}; every instance runs it, the delete is idempotent. */
    static final class Housekeeping implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

        private final LoginSessionRepository sessions;
        private final Duration interval;
        private volatile Disposable schedule;

        Housekeeping(LoginSessionRepository sessions, Duration interval) {
            this.sessions = sessions;
            this.interval = interval;
        }

        @Override
        public void start() {
            schedule = Flux.interval(interval, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> sessions.purge()
                            .doOnNext(deleted -> {
                                if (deleted > 0) {
                                    log.debug("Deleted {} expired login sessions", deleted);
                                }
                            })
                            .onErrorResume(e -> {
                                log.warn("Could not delete expired login sessions: {}", e.toString());
                                return Mono.empty();
                            }), 1)
                    .subscribe();
        }

        @Override
        public void stop() {
            Disposable running = schedule;
            if (running != null) {
                running.dispose();
            }
            schedule = null;
        }

        @Override
        public boolean isRunning() {
            return schedule != null;
        }
    }
}
