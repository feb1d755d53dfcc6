package de.studienlotse.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Buckets in this process's memory, in a cache bounded in size (the least recently used client is forgotten first) and
 * in time: a bucket untouched for a whole window is full again, so forgetting it changes nothing. Taking a token is a
 * lock-free update, safe on the event loop.
 */
final class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    LocalRateLimiter(long maxClients, Duration idle) {
        this(maxClients, idle, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker(), false);
    }

    /** With the clock of a test; {@code inline} runs the cache's maintenance on the calling thread. */
    LocalRateLimiter(long maxClients, Duration idle, TimeMeter time, Ticker ticker, boolean inline) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idle).ticker(ticker);
        if (inline) {
            builder = builder.executor(Runnable::run);
        }
        this.buckets = builder.build();
        this.time = time;
    }

    @Override
    public Mono<Verdict> tryConsume(Quota quota, String client) {
        return Mono.fromSupplier(() -> consume(quota, client));
    }

    Verdict consume(Quota quota, String client) {
        Bucket bucket = buckets.get(quota.key(client),
                key -> Bucket.builder().addLimit(quota.bandwidth()).withCustomTimePrecision(time).build());
        return Verdict.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Forgets every bucket: every client starts full (for tests that share one address). */
    void forgetAll() {
        buckets.invalidateAll();
    }

    /** Buckets held now (after pending evictions). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
