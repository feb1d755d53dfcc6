package de.studienlotse.answer.llm;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The one language model of the service, built from {@link LlmProperties}, and the {@link ModelStream} to call it.
 * The extractive mode builds no client at all. A provider that needs a key and has none stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
public class LlmConfiguration {

    private static final String OPENAI_CLOUD_HOST = "api.openai.com";

    @Bean
    LanguageModel languageModel(LlmProperties properties) {
        return create(properties);
    }

    @Bean
    ModelStream modelStream(LlmProperties properties) {
        return new ModelStream(properties.firstTokenTimeout(), properties.timeout());
    }

    /** The model for {@code properties}; public for tools and tests that run without a Spring context. */
    public static LanguageModel create(LlmProperties properties) {
        return switch (properties.provider()) {
            case EXTRACTIVE -> LanguageModel.extractive();
            case OPENAI -> named(properties, openAi(properties));
            case OLLAMA -> named(properties, ollama(properties));
            case ANTHROPIC -> named(properties, anthropic(properties));
        };
    }

    private static LanguageModel named(LlmProperties properties, StreamingChatModel model) {
        return new LanguageModel(Optional.of(model), properties.provider().name().toLowerCase() + ":" + properties.model());
    }

    private static StreamingChatModel openAi(LlmProperties properties) {
        boolean cloud = OPENAI_CLOUD_HOST.equalsIgnoreCase(URI.create(properties.baseUrl()).getHost());
        if (cloud) requireApiKey(properties);
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(AbortableHttpClient.builder())
                .baseUrl(properties.baseUrl())
                // vLLM, llama.cpp and LM Studio run without a key
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .temperature(properties.temperature())
                .timeout(properties.timeout());
        // OpenAI's newer models reject max_tokens; local OpenAI-compatible servers know max_tokens best
        return (cloud ? builder.maxCompletionTokens(properties.maxTokens()) : builder.maxTokens(properties.maxTokens()))
                .build();
    }

    private static StreamingChatModel ollama(LlmProperties properties) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(AbortableHttpClient.builder())
                // a local Ollama needs no key; Ollama's cloud API and auth proxies take it as a bearer token
                .customHeaders(properties.hasApiKey() ? Map.of("Authorization", "Bearer " + properties.apiKey()) : Map.of())
                .baseUrl(properties.baseUrl())
                .modelName(properties.model())
                .temperature(properties.temperature())
                .numPredict(properties.maxTokens())
                .timeout(properties.timeout())
                .build();
    }

    private static StreamingChatModel anthropic(LlmProperties properties) {
        requireApiKey(properties);
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(AbortableHttpClient.builder())
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .temperature(properties.temperature())
                .maxTokens(properties.maxTokens())
                .timeout(properties.timeout())
                .build();
    }

    private static void requireApiKey(LlmProperties properties) {
        if (!properties.hasApiKey()) {
            throw new IllegalStateException("studienlotse.llm.provider=%s at %s needs an API key: set STUDIENLOTSE_LLM_API_KEY, or use provider extractive"
                    .formatted(properties.provider().name().toLowerCase(), properties.baseUrl()));
        }
    }
}
