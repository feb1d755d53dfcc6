package de.studienlotse.web;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** One test clock for the buckets (Bucket4j) and the cache that holds them (Caffeine). */
final class FakeTime implements TimeMeter, Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    @Override
    public long read() {
        return nanos.get();
    }

    LocalRateLimiter limiter(long maxClients, Duration idle) {
        return new LocalRateLimiter(maxClients, idle, this, this, true);
    }
}
