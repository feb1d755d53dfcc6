package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.LlmProperties.Provider;

class LlmHealthIndicatorTests {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void should_be_up_when_an_openai_compatible_server_lists_the_model() {
        // given
        server = FakeLlmServer.start(Protocol.OPENAI).listsModels("other", "qwen2.5-7b-instruct");

        // when
        Health health = indicator(Provider.OPENAI, "qwen2.5-7b-instruct", null).health().block(LIMIT);

        // then
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("reachable", true).containsEntry("modelKnown", true)
                .containsEntry("model", "qwen2.5-7b-instruct").containsEntry("provider", "openai");
    }

    @Test
    void should_be_degraded_not_down_when_ollama_lacks_the_model() {
        // given
        server = FakeLlmServer.start(Protocol.OLLAMA).listsModels("mistral:latest");

        // when
        Health health = indicator(Provider.OLLAMA, "llama3.1", null).health().block(LIMIT);

        // then
        assertThat(health.getStatus()).isEqualTo(LlmHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("reachable", true).containsEntry("modelKnown", false);
        assertThat(health.getDetails().get("available")).asList().containsExactly("mistral:latest");
    }

    @Test
    void should_know_anthropic_model_by_its_own_endpoint_and_never_show_the_key() {
        // given
        server = FakeLlmServer.start(Protocol.ANTHROPIC).listsModels("claude-sonnet-4-6");

        // when
        Health health = indicator(Provider.ANTHROPIC, "claude-sonnet-4-6", "anthropic-secret-42-xyz").health().block(LIMIT);

        // then
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.toString()).doesNotContain("anthropic-secret-42-xyz");
    }

    @Test
    void should_be_degraded_with_a_reason_when_the_server_is_unreachable() throws Exception {
        // given: a port nobody listens on
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmProperties properties = new LlmProperties(Provider.OPENAI, "http://127.0.0.1:" + port + "/v1", "m", null,
                null, null, 0.1, 1024);

        // when
        Health health = new LlmHealthIndicator(properties).health().block(LIMIT);

        // then
        assertThat(health.getStatus()).isEqualTo(LlmHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("reachable", false);
        assertThat((String) health.getDetails().get("detail")).startsWith("cannot reach the server: ");
    }

    @Test
    void should_ask_the_server_at_most_once_within_its_cache_time() {
        // given
        server = FakeLlmServer.start(Protocol.OPENAI).listsModels("m");
        LlmHealthIndicator indicator = indicator(Provider.OPENAI, "m", null);

        // when
        indicator.health().block(LIMIT);
        indicator.health().block(LIMIT);

        // then
        assertThat(server.modelListRequests()).isEqualTo(1);
    }

    private LlmHealthIndicator indicator(Provider provider, String model, String key) {
        return new LlmHealthIndicator(new LlmProperties(provider, server.baseUrl(), model, key, null, null, 0.1, 1024));
    }
}
