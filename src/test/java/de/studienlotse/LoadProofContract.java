package de.studienlotse;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.LoadDriver.Outcome;
import de.studienlotse.database.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Proof (a) of issue 14: {@value #DEFAULT_STREAMS} concurrent offline answer streams for
 * {@value #DEFAULT_SECONDS} s against the whole service on a random port, real HTTP, each finished answer rated once.
 * Asserted: no error at all (any non-2xx, broken stream, stream without its closing {@code done}, an answer that says
 * it could not be stored and so cannot be rated, failed rating), every
 * rating stored exactly once (rows counted per message id in the database), and this JVM's peak resident memory within
 * {@value #RSS_BOUND_MIB} MiB. The JVM holds the service and the 200 clients; its flags are the failsafe execution
 * {@code load-proof} in pom.xml (heap at most 256 MiB). BlockHound watches the service's event loops meanwhile.
 * <p>
 * Duration and streams: {@code -Dload.seconds=…}, {@code -Dload.streams=…} (CI runs the defaults). The rate limit is
 * lifted for the run, as every stream comes from one address.
 */
abstract class LoadProofContract {

    static final int DEFAULT_SECONDS = 60;
    static final int DEFAULT_STREAMS = 200;
    /** Peak RSS (VmHWM) of the JVM with the service and its clients: the sum of the limits its flags set (pom.xml). */
    static final long RSS_BOUND_MIB = 768;

    static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", DEFAULT_SECONDS));
    static final int STREAMS = Integer.getInteger("load.streams", DEFAULT_STREAMS);

    static RunningService service;
    static TestDatabase database;
    static LoadDriver driver;

    /** Starts the service on {@code db} (reached through {@code r2dbcUrl}) and warms it up. */
    static void start(TestDatabase db, String r2dbcUrl) {
        database = db;
        Map<String, Object> settings = new HashMap<>(db.properties());
        settings.put("spring.r2dbc.url", r2dbcUrl);
        settings.put("studienlotse.web.rate-limit.enabled", false);
        settings.put("logging.level.root", "WARN");
        service = RunningService.start(settings);
        driver = new LoadDriver(URI.create("http://127.0.0.1:" + service.port()));
        // the first answers of a cold JVM compile the pipeline: not part of the figures
        driver.run(8, Duration.ofSeconds(3), false);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.close();
        if (service != null) service.close();
        driver = null;
        service = null;
    }

    abstract String databaseName();

    @Test
    void should_answer_every_stream_to_done_and_store_every_rating_once_within_the_memory_bound() {
        // when
        long start = System.nanoTime();
        List<Outcome> outcomes = driver.run(STREAMS, DURATION, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] rss = LoadDriver.residentMiB();

        // then
        List<String> errors = outcomes.stream().filter(o -> !o.streamOk() || !o.rated()).map(LoadProofContract::describe).toList();
        Set<String> rated = outcomes.stream().filter(Outcome::rated).map(Outcome::messageId).collect(Collectors.toSet());
        List<Double> firstByte = outcomes.stream().filter(Outcome::streamOk).map(Outcome::millisToFirstByte).toList();
        List<Double> done = outcomes.stream().filter(Outcome::streamOk).map(Outcome::millisToDone).toList();
        Map<String, Integer> rows = feedbackRows();
        System.out.printf("Load proof (%s): %d streams for %.0f s: %d answers (%.1f/s), first byte p50 %.0f ms p99 %.0f ms, "
                        + "done p50 %.0f ms p99 %.0f ms, errors %d, ratings %d, feedback rows %d, RSS %d MiB (peak %d MiB)%n",
                databaseName(), STREAMS, seconds, done.size(), done.size() / seconds, LoadDriver.quantile(firstByte, 0.5),
                LoadDriver.quantile(firstByte, 0.99), LoadDriver.quantile(done, 0.5), LoadDriver.quantile(done, 0.99),
                errors.size(), rated.size(), rows.values().stream().mapToInt(Integer::intValue).sum(), rss[0], rss[1]);

        assertThat(errors.size()).as("failed exchanges, the first: %s", errors.stream().limit(20).toList()).isZero();
        assertThat(outcomes).as("answers within %s", DURATION).hasSizeGreaterThanOrEqualTo(STREAMS);
        assertThat(rated).as("each answer has its own message id").hasSize(outcomes.size());
        assertThat(rows.keySet()).as("a row for every accepted rating, and no other").isEqualTo(rated);
        assertThat(rows).as("rows per message id").allSatisfy((messageId, count) -> assertThat(count).isEqualTo(1));
        assertThat(rss[1]).as("peak RSS in MiB").isLessThanOrEqualTo(RSS_BOUND_MIB);
    }

    static String describe(Outcome outcome) {
        return "status %d, events %s, failure %s, %s".formatted(outcome.status(), outcome.events(), outcome.failure(),
                outcome.unrateable() ? "answer not stored, so not rateable"
                        : "rating %d %s".formatted(outcome.feedbackStatus(), outcome.feedbackBody()));
    }

    /** Rows per message id of the ratings the load stored, read through the service's own connection pool. */
    static Map<String, Integer> feedbackRows() {
        Map<String, Integer> rows = new HashMap<>();
        service.bean(DatabaseClient.class)
                .sql("SELECT message_id, COUNT(*) AS n FROM feedback WHERE client_id LIKE 'load-%' GROUP BY message_id")
                .map(row -> Map.entry(row.get("message_id", String.class), row.get("n", Number.class).intValue()))
                .all().collectList().block(Duration.ofSeconds(30))
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        return rows;
    }
}
