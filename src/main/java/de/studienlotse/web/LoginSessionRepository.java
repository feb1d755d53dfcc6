package de.studienlotse.web;

import de.studienlotse.database.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * The team's browser logins in the application's database (table {@code login_session}), so that any instance of a
 * deployment knows a login made on another and a logout on one ends it on all. Spring Session's WebFlux support puts it
 * behind every {@code WebSession} ({@link LoginSessionConfiguration}); only the session chain's paths ever ask for one.
 * Every statement runs through {@link Database}, on {@code boundedElastic}.
 * <p>
 * A session that was loaded is only ever updated, never inserted again: a request still running on one instance while
 * another logs the session out (deletes its row) cannot bring the login back when it saves. A new id (Spring Security
 * changes it at the login against session fixation) moves the row to the new id's hash.
 */
final class LoginSessionRepository implements ReactiveSessionRepository<LoginSessionRepository.LoginSession> {

    private static final Logger log = LoggerFactory.getLogger(LoginSessionRepository.class);

    private final Database database;
    private final LoginSessionAttributes attributes;
    private final Duration idleTimeout;
    private final Clock clock;

    LoginSessionRepository(Database database, LoginSessionAttributes attributes, Duration idleTimeout, Clock clock) {
        this.database = database;
        this.attributes = attributes;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public Mono<LoginSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            Instant now = clock.instant();
            session.setCreationTime(now);
            session.setLastAccessedTime(now);
            session.setMaxInactiveInterval(idleTimeout);
            return new LoginSession(session, null);
        });
    }

    /**
     * A database that fails here must not fail the page: the session is then not kept (the next request has no login,
     * which is the safe side), and the team's pages that need the database answer 503 themselves.
     */
    @Override
    public Mono<Void> save(LoginSession session) {
        return (session.storedId == null ? insert(session) : update(session))
                .doOnSuccess(done -> session.saved())
                .onErrorResume(e -> {
                    log.warn("Login session not stored, database failed: {}", e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> insert(LoginSession session) {
        Map<String, Object> values = session.attributes();
        return database.mono(db -> principal(db.sql("""
                        INSERT INTO login_session (id_hash, principal_name, created_at, last_accessed_at, max_idle_seconds, expires_at, attributes)
                        VALUES (:id, :principal, :createdAt, :lastAccessedAt, :maxIdle, :expiresAt, :attributes)"""), values)
                .bind("id", hash(session.getId()))
                .bind("createdAt", utc(session.getCreationTime()))
                .bind("lastAccessedAt", utc(session.getLastAccessedTime()))
                .bind("maxIdle", session.getMaxInactiveInterval().toSeconds())
                .bind("expiresAt", utc(session.expiresAt()))
                .bind("attributes", attributes.write(values))
                .then());
    }

    /**
     * The row under the id it was loaded or last saved with; no row (logged out or expired meanwhile) stays no row.
     * Only the times change unless the attributes or the id did.
     */
    private Mono<Void> update(LoginSession session) {
        if (!session.changed && session.storedId.equals(session.getId())) {
            return database.mono(db -> db.sql("""
                            UPDATE login_session SET last_accessed_at = :lastAccessedAt, max_idle_seconds = :maxIdle, expires_at = :expiresAt
                            WHERE id_hash = :id""")
                    .bind("lastAccessedAt", utc(session.getLastAccessedTime()))
                    .bind("maxIdle", session.getMaxInactiveInterval().toSeconds())
                    .bind("expiresAt", utc(session.expiresAt()))
                    .bind("id", hash(session.storedId))
                    .then());
        }
        Map<String, Object> values = session.attributes();
        return database.mono(db -> principal(db.sql("""
                        UPDATE login_session SET id_hash = :newId, principal_name = :principal, last_accessed_at = :lastAccessedAt,
                               max_idle_seconds = :maxIdle, expires_at = :expiresAt, attributes = :attributes
                        WHERE id_hash = :id"""), values)
                .bind("newId", hash(session.getId()))
                .bind("lastAccessedAt", utc(session.getLastAccessedTime()))
                .bind("maxIdle", session.getMaxInactiveInterval().toSeconds())
                .bind("expiresAt", utc(session.expiresAt()))
                .bind("attributes", attributes.write(values))
                .bind("id", hash(session.storedId))
                .then());
    }

    /** The session if it exists and has not expired; its last access is now (the idle timeout starts again). */
    @Override
    public Mono<LoginSession> findById(String id) {
        Instant now = clock.instant();
        return database.mono(db -> db.sql("""
                        SELECT created_at, max_idle_seconds, attributes FROM login_session
                        WHERE id_hash = :id AND expires_at > :now""")
                .bind("id", hash(id))
                .bind("now", utc(now))
                .map(row -> {
                    MapSession session = new MapSession(id);
                    session.setCreationTime(row.get("created_at", OffsetDateTime.class).toInstant());
                    session.setMaxInactiveInterval(Duration.ofSeconds(row.get("max_idle_seconds", Long.class)));
                    session.setLastAccessedTime(now);
                    this.attributes.read(row.get("attributes", String.class)).forEach(session::setAttribute);
                    return new LoginSession(session, id);
                })
                .first())
                // no database, no login (never a login without its row); the request goes on without a session
                .onErrorResume(e -> {
                    log.warn("Login session not readable, database failed: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Logout (or an invalidated session): gone for every instance. A failure is not hidden: the login would live on. */
    @Override
    public Mono<Void> deleteById(String id) {
        return database.mono(db -> db.sql("DELETE FROM login_session WHERE id_hash = :id").bind("id", hash(id)).then());
    }

    /** Deletes the expired sessions; returns how many. */
    Mono<Long> purge() {
        return database.mono(db -> db.sql("DELETE FROM login_session WHERE expires_at <= :now")
                .bind("now", utc(clock.instant()))
                .fetch().rowsUpdated());
    }

    /** The stored form of a session id: whoever reads the table cannot log in with it. */
    static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's name (for an operator who wants to end one user's logins), or null before the login. */
    private static DatabaseClient.GenericExecuteSpec principal(DatabaseClient.GenericExecuteSpec statement, Map<String, Object> values) {
        String name = LoginSessionAttributes.principalName(values);
        return name == null ? statement.bindNull("principal", String.class) : statement.bind("principal", name);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Spring Session's {@link MapSession} with what saving needs to know: the id its row has ({@code null}: not stored
     * yet) and whether an attribute changed since it was loaded.
     */
    static final class LoginSession implements Session {

        private final MapSession session;
        private volatile String storedId;
        private volatile boolean changed;

        LoginSession(MapSession session, String storedId) {
            this.session = session;
            this.storedId = storedId;
        }

        private void saved() {
            storedId = session.getId();
            changed = false;
        }

        private Map<String, Object> attributes() {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String name : session.getAttributeNames()) {
                values.put(name, session.getAttribute(name));
            }
            return values;
        }

        private Instant expiresAt() {
            return session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            session.setAttribute(name, value);
            changed = true;
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
            changed = true;
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
