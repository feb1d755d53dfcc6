package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import de.studienlotse.llm.LlmProperties.Provider;
import tools.jackson.databind.JsonNode;

/** The Ollama client through {@link ModelStream}, against {@code /api/chat} NDJSON. */
class OllamaStreamTests extends ProviderStreamContract {

    @Override
    Protocol protocol() {
        return Protocol.OLLAMA;
    }

    @Override
    LlmProperties properties(String baseUrl, Duration firstTokenTimeout, Duration timeout) {
        return new LlmProperties(Provider.OLLAMA, baseUrl, "llama3.1", null, timeout, firstTokenTimeout, 0.1, 1024);
    }

    @Override
    void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("Authorization")).as("no key configured").isNull();
    }

    @Override
    double temperatureOf(JsonNode body) {
        return body.path("options").path("temperature").asDouble();
    }

    @Test
    void should_send_api_key_as_bearer_token_when_one_is_set() {
        // given
        server.streams("Hallo");
        LlmProperties withKey = new LlmProperties(Provider.OLLAMA, server.baseUrl(), "gpt-oss:120b", API_KEY, TIMEOUT, TIMEOUT, 0.1, 1024);

        // when
        modelStream().complete(LlmConfiguration.create(withKey).model().orElseThrow(), QUESTION).block(VERIFY_LIMIT);

        // then
        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Override
    int maxTokensOf(JsonNode body) {
        return body.path("options").path("num_predict").asInt();
    }
}
