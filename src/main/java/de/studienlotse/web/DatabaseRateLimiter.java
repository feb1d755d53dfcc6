package de.studienlotse.web;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_bucket}, Bucket4j's row-lock variant), so that every instance of a
 * deployment draws on the same bucket. JDBC blocks, so each token is taken on the bounded elastic scheduler, never on
 * the event loop. A database that is down or slow must not stop the chat: then this instance counts on its own
 * ({@code fallback}), and asks the database again {@link #PAUSE_AFTER_FAILURE} later.
 */
final class DatabaseRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRateLimiter.class);
    static final String TABLE = "rate_limit_bucket";
    private static final int CLEANUP_BATCH = 1_000;
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(15);

    private final ProxyManager<String> buckets;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> cleaner;
    private final RateLimiter fallback;
    private final Duration timeout;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final Disposable cleanup;
    /** {@link System#nanoTime()} before which the database is not asked, after a failure. */
    private volatile long pausedUntil = System.nanoTime();

    DatabaseRateLimiter(DataSource dataSource, RateLimiter fallback, Duration timeout, Duration cleanupInterval) {
        this.cleaner = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a row may go once its bucket is full again: it would be recreated full
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.buckets = cleaner;
        this.fallback = fallback;
        this.timeout = timeout;
        this.cleanup = Flux.interval(cleanupInterval, cleanupInterval, Schedulers.boundedElastic())
                .concatMap(tick -> Mono.fromCallable(this::removeExpired).onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    @Override
    public Mono<Verdict> tryConsume(Quota quota, String client) {
        if (System.nanoTime() - pausedUntil < 0) {
            // the database failed a moment ago: no request waits for it again until the pause is over
            return fallback.tryConsume(quota, client);
        }
        return Mono.fromCallable(() -> Verdict.of(buckets.builder()
                        .build(quota.key(pseudonym(client)), quota::configuration)
                        .tryConsumeAndReturnRemaining(1)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .doOnNext(verdict -> {
                    if (degraded.compareAndSet(true, false)) {
                        log.info("Rate limit: buckets in the database again, shared by all instances");
                    }
                })
                .onErrorResume(error -> {
                    pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
                    if (degraded.compareAndSet(false, true)) {
                        log.warn("Rate limit: database unreachable ({}); this instance counts on its own until it answers",
                                error.toString());
                    }
                    return fallback.tryConsume(quota, client);
                });
    }

    /** The client network as it is stored: a hash, so that no address stands in the table in clear. */
    static String pseudonym(String client) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("studienlotse-rate-limit " + client).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the rows of buckets that are full again; returns how many. */
    int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = cleaner.removeExpired(CLEANUP_BATCH);
            removed += batch;
        } while (batch == CLEANUP_BATCH);
        return removed;
    }

    @Override
    public void close() {
        cleanup.dispose();
    }
}
