package de.studienlotse.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Token buckets per client network and quota; see {@link LocalRateLimiter} and {@link DatabaseRateLimiter}. */
interface RateLimiter {

    /** Takes one token from {@code client}'s bucket for {@code quota}. */
    Mono<Verdict> tryConsume(Quota quota, String client);

    /**
     * A bucket of {@code requests} tokens that refills evenly over {@code window}: a full burst is possible once, then
     * one request per {@code window / requests} (no doubled quota around the edge of a fixed window).
     *
     * @param name the bucket's kind, part of its key ({@code chat}, {@code feedback})
     */
    record Quota(String name, int requests, Duration window) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder().addLimit(bandwidth()).build();
        }

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(requests).refillGreedy(requests, window).build();
        }

        String key(String client) {
            return name + " " + client;
        }
    }

    /** @param retryAfter when a refused request may try again (zero when granted) */
    record Verdict(boolean granted, Duration retryAfter) {

        static Verdict of(ConsumptionProbe probe) {
            return new Verdict(probe.isConsumed(), probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }

        /** Whole seconds for {@code Retry-After}, rounded up, at least 1. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
