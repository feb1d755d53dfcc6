package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class ChatRateLimitFilterTests {

    final MutableClock clock = new MutableClock();
    final ChatRateLimitFilter filter = new ChatRateLimitFilter(new WebProperties.RateLimit(true, 2, Duration.ofMinutes(1)),
            clock, JsonMapper.builder().build());
    final AtomicInteger passed = new AtomicInteger();
    final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    MockServerWebExchange question(String ip) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/chat/stream")
                .remoteAddress(new InetSocketAddress(ip, 40000)));
    }

    @Test
    void should_let_a_client_ask_up_to_the_limit_then_answer_429_in_german_with_retry_after() {
        // given
        filter.filter(question("10.0.0.1"), chain).block();
        clock.advance(Duration.ofSeconds(15));
        filter.filter(question("10.0.0.1"), chain).block();

        // when
        MockServerWebExchange third = question("10.0.0.1");
        filter.filter(third, chain).block();

        // then
        assertThat(passed).hasValue(2);
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("45");
        assertThat(third.getResponse().getBodyAsString().block())
                .contains("\"title\":\"Zu viele Anfragen\"")
                .contains("Bitte warten Sie 45 Sekunden und versuchen Sie es dann noch einmal.");
    }

    @Test
    void should_start_a_new_window_after_the_old_one_ends() {
        // given
        for (int i = 0; i < 3; i++) filter.filter(question("10.0.0.1"), chain).block();

        // when
        clock.advance(Duration.ofMinutes(1));
        MockServerWebExchange later = question("10.0.0.1");
        filter.filter(later, chain).block();

        // then
        assertThat(passed).hasValue(3);
        assertThat(later.getResponse().getStatusCode()).isNull();
    }

    @Test
    void should_count_each_client_on_its_own_and_leave_other_requests_alone() {
        // given
        for (int i = 0; i < 3; i++) filter.filter(question("10.0.0.1"), chain).block();

        // when
        filter.filter(question("10.0.0.2"), chain).block();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/passages/B5.tipps.1")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 1))), chain).block();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.options("/api/chat/stream")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 1))), chain).block();

        // then: two of the first client, then the second client, the passage and the preflight
        assertThat(passed).hasValue(5);
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
