package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import de.studienlotse.llm.LlmProperties.Provider;
import dev.langchain4j.model.chat.StreamingChatModel;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** The OpenAI client (also vLLM, llama.cpp, LM Studio) through {@link ModelStream}, against chat-completions SSE. */
class OpenAiStreamTests extends ProviderStreamContract {

    @Override
    Protocol protocol() {
        return Protocol.OPENAI;
    }

    @Override
    LlmProperties properties(String baseUrl, Duration firstTokenTimeout, Duration timeout) {
        return new LlmProperties(Provider.OPENAI, baseUrl, "gpt-4o-mini", API_KEY, timeout, firstTokenTimeout, 0.1, 1024);
    }

    @Override
    void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void should_mask_api_key_that_an_error_body_echoes() {
        // given
        server.failsWith(401);

        // when / then
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmException.class)
                        .hasMessageContaining("HTTP 401")
                        .hasMessageContaining("Incorrect API key provided: sk-***")
                        .hasMessageNotContaining(API_KEY))
                .verify(VERIFY_LIMIT);
    }

    @Test
    void should_cap_a_short_reply_with_max_completion_tokens_where_the_model_uses_them() {
        // given: configured as for OpenAI's cloud, whose newer models take only max_completion_tokens
        server.streams("Kurz");
        StreamingChatModel cloudLike = dev.langchain4j.model.openai.OpenAiStreamingChatModel.builder()
                .httpClientBuilder(AbortableHttpClient.builder().ending(StreamEnd.OPENAI))
                .baseUrl(server.baseUrl()).apiKey(API_KEY).modelName("gpt-4o-mini").maxCompletionTokens(1024).build();

        // when
        String reply = modelStream().shortReply(cloudLike, QUESTION, 64, 300, TIMEOUT).block(VERIFY_LIMIT);

        // then
        assertThat(reply).isEqualTo("Kurz");
        JsonNode body = server.takeRequest().json();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("max_tokens")).as("not both").isFalse();
    }

    @Test
    void should_abort_only_the_call_whose_subscriber_left() {
        // given: one model, so both calls share one HTTP client
        server.streams(FakeLlmServer.numberedChunks(8).toArray(String[]::new)).delayBetweenChunks(Duration.ofMillis(30));
        StreamingChatModel model = model();
        CompletableFuture<List<String>> staying = modelStream().stream(model, QUESTION).collectList().toFuture();

        // when
        StepVerifier.create(modelStream().stream(model, QUESTION))
                .expectNext("Satz 0. ")
                .thenCancel()
                .verify(VERIFY_LIMIT);

        // then
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).isTrue();
        assertThat(staying).succeedsWithin(VERIFY_LIMIT).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(8);
    }

    /** {@code max_tokens}, which local servers know, not only OpenAI's newer {@code max_completion_tokens}. */
    @Override
    int maxTokensOf(JsonNode body) {
        return body.path("max_tokens").asInt();
    }
}
