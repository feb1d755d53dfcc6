package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTests {

    final FakeTime time = new FakeTime();
    final WebProperties.RateLimit limit = new WebProperties.RateLimit(true, 2, Duration.ofMinutes(1), 3, 1_000, false);
    final RateLimitFilter filter = new RateLimitFilter(limit, time.limiter(1_000, limit.window()), JsonMapper.builder().build());
    final AtomicInteger passed = new AtomicInteger();
    final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    MockServerWebExchange post(String path, String ip) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path).remoteAddress(new InetSocketAddress(ip, 40000)));
    }

    MockServerWebExchange send(String path, String ip) {
        MockServerWebExchange exchange = post(path, ip);
        filter.filter(exchange, chain).block();
        return exchange;
    }

    @Test
    void should_let_a_client_ask_up_to_the_limit_then_answer_429_in_german_with_retry_after() {
        // given: 2 questions per minute, one token back every 30 s
        send("/api/chat", "10.0.0.1");
        time.advance(Duration.ofSeconds(15));
        send("/api/chat/stream", "10.0.0.1");

        // when
        MockServerWebExchange third = send("/api/chat/stream", "10.0.0.1");

        // then
        assertThat(passed).hasValue(2);
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("15");
        assertThat(third.getResponse().getBodyAsString().block())
                .contains("\"title\":\"Zu viele Anfragen\"")
                .contains("sehr viele Fragen gestellt (höchstens 2 in 60 Sekunden)")
                .contains("Bitte warten Sie 15 Sekunden und versuchen Sie es dann noch einmal.");
    }

    @Test
    void should_refill_evenly_so_that_no_window_edge_doubles_the_quota() {
        // given: the bucket emptied just before the end of a minute
        time.advance(Duration.ofSeconds(59));
        send("/api/chat", "10.0.0.1");
        send("/api/chat", "10.0.0.1");

        // when: two seconds later, where a fixed window would have started afresh
        time.advance(Duration.ofSeconds(2));
        MockServerWebExchange afterEdge = send("/api/chat", "10.0.0.1");
        time.advance(Duration.ofSeconds(28));
        MockServerWebExchange oneTokenLater = send("/api/chat", "10.0.0.1");

        // then
        assertThat(afterEdge.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(afterEdge.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("28");
        assertThat(oneTokenLater.getResponse().getStatusCode()).isNull();
        assertThat(passed).hasValue(3);
    }

    @Test
    void should_count_an_ipv6_client_by_its_64_network_and_an_ipv4_client_by_its_address() {
        // given: the same /64, two interface ids
        send("/api/chat", "2001:db8:1:2::1");
        send("/api/chat", "2001:db8:1:2:aaaa:bbbb:cccc:dddd");

        // when
        MockServerWebExchange sameNetwork = send("/api/chat", "2001:db8:1:2:ffff::9");
        MockServerWebExchange otherNetwork = send("/api/chat", "2001:db8:1:3::1");
        MockServerWebExchange neighbourIpv4 = send("/api/chat", "10.0.0.2");

        // then
        assertThat(sameNetwork.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(otherNetwork.getResponse().getStatusCode()).isNull();
        assertThat(neighbourIpv4.getResponse().getStatusCode()).isNull();
        assertThat(passed).hasValue(4);
    }

    @Test
    void should_limit_ratings_in_a_bucket_of_their_own() {
        // given: the questions are used up
        send("/api/chat", "10.0.0.1");
        send("/api/chat", "10.0.0.1");

        // when
        for (int i = 0; i < 3; i++) send("/api/feedback", "10.0.0.1");
        MockServerWebExchange fourthRating = send("/api/feedback", "10.0.0.1");

        // then
        assertThat(passed).hasValue(5);
        assertThat(fourthRating.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fourthRating.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("20");
        assertThat(fourthRating.getResponse().getBodyAsString().block())
                .contains("sehr viele Bewertungen gesendet (höchstens 3 in 60 Sekunden)");
    }

    @Test
    void should_leave_reading_requests_and_preflights_alone() {
        // given
        for (int i = 0; i < 3; i++) send("/api/chat", "10.0.0.1");

        // when
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/passages/B5.tipps.1")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 1))), chain).block();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.options("/api/chat/stream")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 1))), chain).block();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/feedback")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 1))), chain).block();

        // then: two questions, the passage, the preflight and the team's read
        assertThat(passed).hasValue(5);
    }
}
