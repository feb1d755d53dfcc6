package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import de.studienlotse.llm.LlmProperties.Provider;
import tools.jackson.databind.JsonNode;

/** The Anthropic client through {@link ModelStream}, against messages SSE. */
class AnthropicStreamTests extends ProviderStreamContract {

    @Override
    Protocol protocol() {
        return Protocol.ANTHROPIC;
    }

    @Override
    LlmProperties properties(String baseUrl, Duration firstTokenTimeout, Duration timeout) {
        return new LlmProperties(Provider.ANTHROPIC, baseUrl, "claude-sonnet-4-6", API_KEY, timeout, firstTokenTimeout, 0.1, 1024);
    }

    @Test
    void should_send_model_system_prompt_messages_and_stream_flag() {
        // given
        server.streams("Hallo");

        // when
        modelStream().stream(model(), QUESTION).blockLast(VERIFY_LIMIT);

        // then
        RecordedRequest request = server.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(body.path("stream").booleanValue()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(textOf(body.path("system"))).isEqualTo("Antworte nur aus der Studie und nenne die Quelle.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(textOf(body.path("messages").get(0).path("content"))).isEqualTo("Welche Erfolgsfaktoren nennt die Studie für KMU?");
    }

    @Test
    void should_reach_messages_endpoint_when_base_url_lacks_trailing_slash() {
        // given
        server.streams("Hallo");
        String withoutSlash = server.baseUrl().substring(0, server.baseUrl().length() - 1);
        LlmProperties properties = properties(withoutSlash, FIRST_TOKEN_TIMEOUT, TIMEOUT);

        // when
        String reply = modelStream().complete(LlmConfiguration.create(properties).model().orElseThrow(), QUESTION).block(VERIFY_LIMIT);

        // then
        assertThat(reply).isEqualTo("Hallo");
        assertThat(server.takeRequest().path()).isEqualTo("/v1/messages");
    }

    /** Anthropic accepts a string or a list of text blocks; LangChain4j may send either. */
    private static String textOf(JsonNode content) {
        if (content.isString()) return content.asString();
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asString()));
        return text.toString();
    }

    @Override
    int maxTokensOf(tools.jackson.databind.JsonNode body) {
        return body.path("max_tokens").asInt();
    }
}
