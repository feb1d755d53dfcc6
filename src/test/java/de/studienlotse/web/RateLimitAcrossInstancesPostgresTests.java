package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.RunningService;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Two instances behind a load balancer on one PostgreSQL count one client against one limit, not one each. */
@PostgresTest
class RateLimitAcrossInstancesPostgresTests {

    @Test
    void should_share_the_rate_limit_between_two_instances_on_one_postgresql() {
        // given: three questions per client and minute
        TestDatabase database = TestDatabases.postgres();
        Map<String, Object> settings = new HashMap<>(database.properties());
        settings.put("studienlotse.web.rate-limit.requests", 3);
        try (RunningService a = RunningService.start(settings); RunningService b = RunningService.start(settings)) {

            // when: the load balancer sends the client's questions to either instance
            List<Integer> statuses = List.of(ask(a).getStatus().value(), ask(b).getStatus().value(), ask(a).getStatus().value());
            EntityExchangeResult<byte[]> fourth = ask(b);

            // then
            assertThat(statuses).containsExactly(200, 200, 200);
            assertThat(fourth.getStatus().value()).isEqualTo(429);
            assertThat(fourth.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(fourth.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(new String(fourth.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"detail\":\"Sie haben in kurzer Zeit sehr viele Fragen gestellt");
        }
    }

    private static EntityExchangeResult<byte[]> ask(RunningService instance) {
        return instance.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "Wie lange hat die Einführung bei B5 gedauert?"))
                .exchange()
                .expectBody().returnResult();
    }
}
