package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared buckets on a real PostgreSQL: two instances draw on one bucket; a database that is down does not stop them. */
@PostgresTest
class DatabaseRateLimiterPostgresTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    final RateLimiter.Quota quota = new RateLimiter.Quota("chat", 3, Duration.ofMinutes(1));
    final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) closeable.close();
    }

    HikariDataSource dataSource(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(500);
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        opened.add(dataSource);
        return dataSource;
    }

    DatabaseRateLimiter instance(HikariDataSource dataSource) {
        DatabaseRateLimiter limiter = new DatabaseRateLimiter(dataSource, new LocalRateLimiter(100, Duration.ofMinutes(1)),
                Duration.ofSeconds(2), Duration.ofHours(1));
        opened.add(limiter);
        return limiter;
    }

    boolean granted(RateLimiter limiter, String client) {
        return limiter.tryConsume(quota, client).block(WAIT).granted();
    }

    @Test
    void should_let_two_instances_on_one_database_draw_on_the_same_bucket() {
        // given
        TestDatabase database = TestDatabases.postgres().migrated();
        DatabaseRateLimiter first = instance(dataSource(database.jdbcUrl(), database.user(), database.password()));
        DatabaseRateLimiter second = instance(dataSource(database.jdbcUrl(), database.user(), database.password()));

        // when: three questions, alternating between the instances
        List<Boolean> verdicts = List.of(granted(first, "203.0.113.7"), granted(second, "203.0.113.7"),
                granted(first, "203.0.113.7"), granted(second, "203.0.113.7"), granted(first, "198.51.100.1"));

        // then: the fourth is refused on either instance; another client has its own bucket
        assertThat(verdicts).containsExactly(true, true, true, false, true);
        assertThat(second.tryConsume(quota, "203.0.113.7").block(WAIT).retryAfterSeconds()).isBetween(19L, 20L);
    }

    @Test
    void should_store_no_client_address_in_clear_and_delete_buckets_that_are_full_again() throws SQLException {
        // given
        TestDatabase database = TestDatabases.postgres().migrated();
        HikariDataSource dataSource = dataSource(database.jdbcUrl(), database.user(), database.password());
        DatabaseRateLimiter limiter = instance(dataSource);
        RateLimiter.Quota quick = new RateLimiter.Quota("chat", 1, Duration.ofMillis(200));
        limiter.tryConsume(quick, "203.0.113.7").block(WAIT);

        // when
        List<String> ids = ids(dataSource);
        sleep(Duration.ofMillis(400));
        int removed = limiter.removeExpired();

        // then
        assertThat(ids).singleElement().satisfies(id -> assertThat(id).startsWith("chat ").doesNotContain("203.0.113"));
        assertThat(removed).isEqualTo(1);
        assertThat(ids(dataSource)).isEmpty();
    }

    @Test
    void should_count_on_its_own_while_the_database_is_unreachable() {
        // given: nothing listens on port 9 (discard)
        DatabaseRateLimiter limiter = instance(dataSource("jdbc:postgresql://127.0.0.1:9/none", "none", "none"));

        // when
        boolean first = granted(limiter, "203.0.113.7");
        long start = System.nanoTime();
        List<Boolean> next = List.of(granted(limiter, "203.0.113.7"), granted(limiter, "203.0.113.7"),
                granted(limiter, "203.0.113.7"));
        Duration afterFailure = Duration.ofNanos(System.nanoTime() - start);

        // then: counted here; after the first failure no request waits for the database
        assertThat(first).isTrue();
        assertThat(next).containsExactly(true, true, false);
        assertThat(afterFailure).isLessThan(Duration.ofMillis(200));
    }

    private static List<String> ids(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM " + DatabaseRateLimiter.TABLE)) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) ids.add(rows.getString(1));
            return ids;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
