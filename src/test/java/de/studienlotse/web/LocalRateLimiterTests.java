package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTests {

    final FakeTime time = new FakeTime();
    final RateLimiter.Quota quota = new RateLimiter.Quota("chat", 1, Duration.ofMinutes(1));

    @Test
    void should_hold_no_more_buckets_than_its_maximum_however_many_clients_ask() {
        // given
        LocalRateLimiter limiter = time.limiter(100, Duration.ofMinutes(1));

        // when: 10,000 clients, each once
        for (int i = 0; i < 10_000; i++) {
            limiter.consume(quota, "10.0.%d.%d".formatted(i / 256, i % 256));
        }

        // then
        assertThat(limiter.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void should_forget_a_bucket_idle_for_a_window_which_is_full_again_by_then() {
        // given
        LocalRateLimiter limiter = time.limiter(100, Duration.ofMinutes(1));
        assertThat(limiter.consume(quota, "10.0.0.1").granted()).isTrue();
        assertThat(limiter.consume(quota, "10.0.0.1").granted()).isFalse();

        // when
        time.advance(Duration.ofMinutes(1).plusSeconds(1));

        // then
        assertThat(limiter.size()).isZero();
        assertThat(limiter.consume(quota, "10.0.0.1").granted()).isTrue();
    }
}
