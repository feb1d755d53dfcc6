package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    @Override
    void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
    }

    /** Anthropic sends the system prompt apart from the messages. */
    @Override
    List<String> messagesOf(JsonNode body) {
        List<String> messages = new ArrayList<>();
        messages.add("system: " + textOf(body.path("system")));
        body.path("messages").forEach(m -> messages.add(m.path("role").asString() + ": " + textOf(m.path("content"))));
        return messages;
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
    int maxTokensOf(JsonNode body) {
        return body.path("max_tokens").asInt();
    }
}
