package de.studienlotse;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.LoadDriver.Outcome;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.net.http.HttpResponse;
import org.springframework.r2dbc.core.DatabaseClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Proofs (a) and (b) of issue 14 on PostgreSQL. The service reaches the database through a {@link TcpProxy} (Flyway
 * goes direct), so the second test can take the database away in the middle of the load, as a crash or a failover
 * would (new connections refused, open ones reset), and bring it back without touching the service.
 */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadProofPostgresIT extends LoadProofContract {

    /** The outage: load before, during and after it (the whole run about 22 s). */
    static final Duration BEFORE = Duration.ofSeconds(4);
    static final Duration OUTAGE = Duration.ofSeconds(8);
    static final Duration AFTER = Duration.ofSeconds(10);
    /** Time the pool may take to notice the database is back (a connection attempt refused just before). */
    static final Duration RECOVERY = Duration.ofSeconds(4);
    /**
     * A rating whose request was under way (sent, not yet answered) at any time from the cut until this long after the
     * database came back may be refused with 503: it may have waited for a connection or for its write when the cut
     * came.
     */
    static final Duration CUT_AFTER = Duration.ofSeconds(1);
    /** Ratings of stored answers sent beside the load while the database is away, and again after. */
    static final int PROBES = 5;

    static TcpProxy proxy;

    @BeforeAll
    static void startService() {
        TestDatabase postgres = TestDatabases.postgres();
        TestDatabases.PostgresServer server = TestDatabases.postgresServer().orElseThrow();
        proxy = TcpProxy.start(server.host(), server.port());
        String throughProxy = postgres.r2dbcUrl().replace("//" + server.host() + ":" + server.port() + "/",
                "//127.0.0.1:" + proxy.port() + "/");
        assertThat(throughProxy).contains(":" + proxy.port() + "/");
        start(postgres, throughProxy);
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) proxy.close();
    }

    @Override
    String databaseName() {
        return "PostgreSQL";
    }

    @Override
    @Test
    @Order(1)
    void should_answer_every_stream_to_done_and_store_every_rating_once_within_the_memory_bound() {
        super.should_answer_every_stream_to_done_and_store_every_rating_once_within_the_memory_bound();
    }

    @Test
    @Order(2)
    void should_keep_answering_refuse_ratings_with_503_while_the_database_is_down_and_take_them_again_after() {
        // given: the load is running (rows of the test before are not this one's)
        Set<String> earlier = feedbackRows().keySet();
        long start = System.nanoTime();
        CompletableFuture<List<Outcome>> load = CompletableFuture.supplyAsync(
                () -> driver.run(STREAMS, BEFORE.plus(OUTAGE).plus(AFTER), true), runnable -> Thread.ofVirtual().start(runnable));
        sleepUntil(start + BEFORE.toNanos());

        // stored answers the probes rate: while the database is away, and again once it is back
        List<String> probed = service.bean(DatabaseClient.class)
                .sql("SELECT message_id FROM chat_exchange ORDER BY created_at DESC LIMIT " + PROBES)
                .map(row -> row.get("message_id", String.class)).all().collectList().block(Duration.ofSeconds(30));
        assertThat(probed).hasSize(PROBES);

        // when: the database goes away and comes back, the service is left alone
        long down = System.nanoTime();
        proxy.down();
        sleepUntil(down + CUT_AFTER.toNanos());
        List<HttpResponse<String>> probesWhileDown = probe(probed, "down");
        sleepUntil(down + OUTAGE.toNanos());
        long up = System.nanoTime();
        proxy.up();
        List<Outcome> outcomes = load.join();
        List<HttpResponse<String>> probesAfter = probe(probed, "up");

        // then
        List<String> errors = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        Set<String> rated = new HashSet<>();
        int ratedAfter = 0;
        int refusedWhileDown = 0;
        for (Outcome o : outcomes) {
            if (!o.streamOk()) {
                errors.add("chat: " + describe(o));
                continue;
            }
            long sent = o.feedbackSent();
            boolean whileDown = sent >= down + CUT_AFTER.toNanos() && sent < up;
            boolean overlapping = sent < up + RECOVERY.toNanos() && o.feedbackAnswered() >= down;
            if (o.unrateable()) {
                // done waits for its answer to be stored: only an answer that finished with the database away (or before
                // the pool found it back) may say that it cannot be rated, and then no rating is sent
                if (!(o.finished() >= down && o.finished() < up + RECOVERY.toNanos())) {
                    errors.add("answer not stored with the database up: " + describe(o));
                }
                continue;
            }
            int status = o.feedbackStatus();
            if (o.rated()) {
                rated.add(o.messageId());
                if (whileDown) errors.add("rating accepted while the database was down: " + describe(o));
                if (sent >= up + RECOVERY.toNanos()) ratedAfter++;
            } else if (status == 503) {
                refused.add(o.messageId());
                if (!overlapping) errors.add("503 with the database up: " + describe(o));
                if (whileDown) refusedWhileDown++;
                JsonNode problem = LoadDriver.json(o.feedbackBody());
                if (o.feedbackType() == null || !o.feedbackType().startsWith("application/problem+json")
                        || !problem.path("detail").asString("").contains("Datenbank")
                        || !"Dienst vorübergehend nicht verfügbar".equals(problem.path("title").asString(""))
                        || o.retryAfter() == null || problem.path("clientId").asString("").isEmpty()) {
                    errors.add("503 without its German problem detail, Retry-After and client id: " + describe(o));
                }
            } else {
                // a 404 too: done announced the answer as stored, so its rating must find it
                errors.add("rating: " + describe(o));
            }
        }
        Map<String, Integer> rows = feedbackRows();
        rows.keySet().removeAll(earlier);
        System.out.printf("Fault proof (PostgreSQL down for %d s under %d streams): %d answers (%d not rateable, not stored "
                        + "while it was down), %d ratings stored, %d refused with 503 (%d while down), %d stored after it "
                        + "came back, errors %d%n",
                OUTAGE.toSeconds(), STREAMS, outcomes.size(), outcomes.stream().filter(Outcome::unrateable).count(),
                rated.size(), refused.size(), refusedWhileDown, ratedAfter, errors.size());

        Map<String, Long> kinds = errors.stream().collect(Collectors.groupingBy(e -> e.substring(0, e.indexOf(':')),
                TreeMap::new, Collectors.counting()));
        assertThat(errors.size()).as("errors %s, the first: %s", kinds, errors.stream().limit(20).toList()).isZero();
        // ratings of stored answers sent while the database is away: 503 problems naming the client id to retry with
        assertThat(probesWhileDown).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = LoadDriver.json(response.body());
            assertThat(problem.path("detail").asString("")).contains("Datenbank");
            assertThat(problem.path("clientId").asString("")).startsWith("probe-");
        });
        // sent again with that client id once it is back: accepted, and each stored once, whatever the 503 left behind
        assertThat(probesAfter).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(probeRows(probed)).as("rows of the probes' ratings").containsOnly(1L).hasSize(PROBES);
        assertThat(ratedAfter).as("ratings stored after the database came back, same service, same pool").isPositive();
        assertThat(rows.keySet()).as("every accepted rating stored").containsAll(rated);
        // nothing half-written: a rating is one row or none (one cut after its commit, before its answer, may be a row;
        // sent again with the same client id it would replace that row)
        assertThat(rows).allSatisfy((messageId, count) -> {
            assertThat(count).as("rows of %s", messageId).isEqualTo(1);
            assertThat(rated.contains(messageId) || refused.contains(messageId)).as("row %s was rated", messageId).isTrue();
        });
    }

    /** Rates each answer in {@code messageIds} with a client id of its own, all at once; the answers in that order. */
    private static List<HttpResponse<String>> probe(List<String> messageIds, String rating) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < messageIds.size(); i++) {
            String messageId = messageIds.get(i);
            String clientId = "probe-" + i;
            sent.add(CompletableFuture.supplyAsync(() -> driver.rate(messageId, clientId, rating),
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /** Rows of the probes' ratings per message. */
    private static List<Long> probeRows(List<String> messageIds) {
        return service.bean(DatabaseClient.class)
                .sql("SELECT message_id, COUNT(*) AS n FROM feedback WHERE client_id LIKE 'probe-%' GROUP BY message_id")
                .map(row -> Map.entry(row.get("message_id", String.class), row.get("n", Number.class).longValue()))
                .all().filter(row -> messageIds.contains(row.getKey())).map(Map.Entry::getValue)
                .collectList().block(Duration.ofSeconds(30));
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
