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

    @Test
    void should_send_model_messages_options_and_stream_flag() {
        // given
        server.streams("Hallo");

        // when
        modelStream().stream(model(), QUESTION).blockLast(VERIFY_LIMIT);

        // then
        RecordedRequest request = server.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo("llama3.1");
        assertThat(body.path("stream").booleanValue()).isTrue();
        assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(1024);
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo("Antworte nur aus der Studie und nenne die Quelle.");
        assertThat(body.path("messages").get(1).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo("Welche Erfolgsfaktoren nennt die Studie für KMU?");
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
    int maxTokensOf(tools.jackson.databind.JsonNode body) {
        return body.path("options").path("num_predict").asInt();
    }
}
