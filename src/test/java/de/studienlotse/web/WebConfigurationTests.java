package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationPredicate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

class WebConfigurationTests {

    private final ObservationPredicate predicate = new WebConfiguration().noProbeObservations();

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(MockServerHttpRequest.get(path).build(), new MockServerHttpResponse(), Map.of());
    }

    @Test
    void should_leave_the_health_probes_out_of_the_request_observations() {
        // when / then
        assertThat(predicate.test("http.server.requests", request("/actuator/health/liveness"))).isFalse();
        assertThat(predicate.test("http.server.requests", request("/actuator/health"))).isFalse();
    }

    @Test
    void should_observe_every_other_request() {
        // when / then
        assertThat(predicate.test("http.server.requests", request("/api/search"))).isTrue();
        assertThat(predicate.test("http.server.requests", request("/api/chat"))).isTrue();
    }
}
