package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.studienlotse.database.Database;
import de.studienlotse.database.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import tools.jackson.databind.json.JsonMapper;

/** Login sessions in a real database, written once and run on H2 and PostgreSQL. */
abstract class LoginSessionRepositoryContract {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration IDLE = Duration.ofMinutes(30);
    static final String CONTEXT = "SPRING_SECURITY_CONTEXT";
    static final String CSRF = "org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository.CSRF_TOKEN";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    ConnectionPool pool;
    Database database;
    LoginSessionRepository repository;

    abstract TestDatabase emptyDatabase();

    @BeforeEach
    void migrateEmptyDatabase() {
        pool = emptyDatabase().migrated().connectionPool();
        database = Database.of(pool);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        repository = new LoginSessionRepository(database, new LoginSessionAttributes(JsonMapper.builder().build()), IDLE, clock);
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(WAIT);
    }

    static SecurityContext login(String name) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_EVALUATOR"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.parse("2026-12-07T09:59:00Z")).build());
        User user = new User(name, "$2a$10$abcdefghijklmnopqrstuuK3v6cC2bRz6c3U6oV7n9wJxg7a0F2lm", authorities);
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(), authorities));
    }

    LoginSessionRepository.LoginSession created(Map<String, Object> attributes) {
        LoginSessionRepository.LoginSession session = repository.createSession().block(WAIT);
        attributes.forEach(session::setAttribute);
        repository.save(session).block(WAIT);
        return session;
    }

    @Test
    void should_find_a_saved_session_with_its_login_csrf_token_and_way_back() {
        // given
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna"),
                CSRF, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"), "SPRING_SECURITY_SAVED_REQUEST", "/werkbank"));

        // when
        LoginSessionRepository.LoginSession found = repository.findById(session.getId()).block(WAIT);

        // then
        assertThat(found).isNotNull();
        assertThat(found.getAttributeNames()).containsExactlyInAnyOrder(CONTEXT, CSRF, "SPRING_SECURITY_SAVED_REQUEST");
        SecurityContext context = found.getAttribute(CONTEXT);
        assertThat(context.getAuthentication().isAuthenticated()).isTrue();
        assertThat(context.getAuthentication().getName()).isEqualTo("anna");
        assertThat(AuthorityUtils.authorityListToSet(context.getAuthentication().getAuthorities()))
                .containsExactlyInAnyOrder("ROLE_EVALUATOR", FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(context.getAuthentication().getAuthorities()).filteredOn(FactorGrantedAuthority.class::isInstance)
                .singleElement().extracting(a -> ((FactorGrantedAuthority) a).getIssuedAt())
                .isEqualTo(Instant.parse("2026-12-07T09:59:00Z"));
        assertThat(context.getAuthentication().getCredentials()).isNull();
        CsrfToken token = found.getAttribute(CSRF);
        assertThat(token.getToken()).isEqualTo("token-1");
        assertThat(token.getParameterName()).isEqualTo("_csrf");
        assertThat((String) found.getAttribute("SPRING_SECURITY_SAVED_REQUEST")).isEqualTo("/werkbank");
        assertThat(found.getCreationTime()).isEqualTo(now.get());
        assertThat(found.getMaxInactiveInterval()).isEqualTo(IDLE);
    }

    @Test
    void should_store_the_hash_of_the_id_the_user_name_and_no_password_hash() {
        // given
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna")));

        // when
        Map<String, Object> row = database.mono(db -> db.sql("SELECT id_hash, principal_name, attributes FROM login_session").fetch().one())
                .block(WAIT);

        // then
        assertThat(row.get("id_hash")).isEqualTo(LoginSessionRepository.hash(session.getId())).isNotEqualTo(session.getId());
        assertThat(row.get("principal_name")).isEqualTo("anna");
        assertThat((String) row.get("attributes")).doesNotContain("$2a$", session.getId()).contains("anna");
    }

    @Test
    void should_end_a_session_after_its_idle_timeout_and_purge_it() {
        // given
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna")));
        now.set(now.get().plus(IDLE).minusSeconds(1));
        LoginSessionRepository.LoginSession used = repository.findById(session.getId()).block(WAIT);
        repository.save(used).block(WAIT); // a request in the last second: the timeout starts again

        // when
        now.set(now.get().plus(IDLE).minusSeconds(1));
        boolean foundBefore = repository.findById(session.getId()).blockOptional(WAIT).isPresent();
        now.set(now.get().plusSeconds(2));
        boolean foundAfter = repository.findById(session.getId()).blockOptional(WAIT).isPresent();
        long purged = repository.purge().block(WAIT);

        // then
        assertThat(foundBefore).isTrue();
        assertThat(foundAfter).isFalse();
        assertThat(purged).isEqualTo(1);
    }

    @Test
    void should_move_the_row_to_the_new_id_at_the_login() {
        // given: a session with its CSRF token, before the login
        LoginSessionRepository.LoginSession session = created(Map.of(CSRF, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t")));
        String before = session.getId();
        LoginSessionRepository.LoginSession loaded = repository.findById(before).block(WAIT);

        // when: the login puts the context and changes the id (session fixation protection)
        loaded.setAttribute(CONTEXT, login("anna"));
        String after = loaded.changeSessionId();
        repository.save(loaded).block(WAIT);
        repository.save(loaded).block(WAIT); // the request's end saves once more

        // then
        assertThat(after).isNotEqualTo(before);
        assertThat(repository.findById(before).blockOptional(WAIT)).isEmpty();
        assertThat(repository.findById(after).block(WAIT).getAttributeNames()).containsExactlyInAnyOrder(CONTEXT, CSRF);
    }

    @Test
    void should_not_bring_back_a_session_that_another_instance_logged_out() {
        // given: one instance is still working with the session when another logs it out
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna")));
        LoginSessionRepository.LoginSession stillInUse = repository.findById(session.getId()).block(WAIT);
        repository.deleteById(session.getId()).block(WAIT);

        // when
        stillInUse.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/werkbank");
        repository.save(stillInUse).block(WAIT);

        // then
        assertThat(repository.findById(session.getId()).blockOptional(WAIT)).isEmpty();
        assertThat(database.mono(db -> db.sql("SELECT COUNT(*) AS n FROM login_session").map(row -> row.get("n", Long.class)).one())
                .block(WAIT)).isZero();
    }

    @Test
    void should_keep_the_attributes_when_only_the_time_changes() {
        // given
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna")));

        // when: a request that only reads the session
        now.set(now.get().plusSeconds(60));
        repository.save(repository.findById(session.getId()).block(WAIT)).block(WAIT);

        // then
        Map<String, Object> row = database.mono(db -> db.sql("SELECT last_accessed_at, expires_at FROM login_session").fetch().one())
                .block(WAIT);
        assertThat(((java.time.OffsetDateTime) row.get("expires_at")).toInstant()).isEqualTo(now.get().plus(IDLE));
        assertThat(repository.findById(session.getId()).block(WAIT).getAttributeNames()).containsExactly(CONTEXT);
    }

    @Test
    void should_take_a_failing_database_as_no_session_and_not_hide_a_failed_logout() {
        // given
        LoginSessionRepository.LoginSession session = created(Map.of(CONTEXT, login("anna")));

        // when: the database is gone
        pool.disposeLater().block(WAIT);

        // then: no login without its row, the page is not failed by an unsaved session, a logout that did not happen says so
        assertThat(repository.findById(session.getId()).blockOptional(WAIT)).isEmpty();
        repository.save(session).block(WAIT);
        assertThatThrownBy(() -> repository.deleteById(session.getId()).block(WAIT)).isInstanceOf(RuntimeException.class);
    }
}
