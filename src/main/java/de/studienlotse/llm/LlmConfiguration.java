package de.studienlotse.llm;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import de.studienlotse.llm.LlmProperties.Provider;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The one language model of the service, built from {@link LlmProperties}, and the {@link ModelStream} to call it.
 * The extractive mode builds no client at all. A setup that cannot work (a cloud without key, a server without model
 * name, a base URL that is none) stops the start-up with {@link LlmSetupException}, which {@link LlmFailureAnalyzer}
 * reports without a stack trace.
 */
@Configuration(proxyBeanMethods = false)
public class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    ConfiguredModel configuredModel(LlmProperties properties, Environment environment) {
        // the embedding model's key is a secret of the same kind, bound elsewhere: masked in the logs all the same
        KeyMasking.protect(environment.getProperty("studienlotse.search.embeddings.api-key"));
        ConfiguredModel model = create(properties);
        log.info(startupLine(properties));
        return model;
    }

    /** The one line an operator looks for at start-up: what answers, where; never the key. */
    static String startupLine(LlmProperties properties) {
        if (properties.provider() == Provider.EXTRACTIVE) {
            return "Language model: none (provider extractive): answers are assembled from the study's passages";
        }
        return "Language model: provider %s, base URL %s, model %s, API key %s".formatted(properties.provider().id(),
                properties.displayBaseUrl(), properties.model(), properties.hasApiKey() ? "set" : "none");
    }

    @Bean
    ModelStream modelStream(LlmProperties properties) {
        return new ModelStream(properties.firstTokenTimeout(), properties.idleTimeout(), properties.timeout());
    }

    /** The model for {@code properties}; public for tools and tests that run without a Spring context. */
    public static ConfiguredModel create(LlmProperties properties) {
        if (properties.provider() == Provider.EXTRACTIVE) return ConfiguredModel.extractive();
        KeyMasking.protect(properties.apiKey());
        requireBaseUrl(properties);
        requireModel(properties);
        return switch (properties.provider()) {
            case EXTRACTIVE -> ConfiguredModel.extractive();
            case OPENAI -> named(properties, openAi(properties));
            case OLLAMA -> named(properties, ollama(properties));
            case ANTHROPIC -> named(properties, anthropic(properties));
        };
    }

    private static ConfiguredModel named(LlmProperties properties, StreamingChatModel model) {
        return new ConfiguredModel(Optional.of(model), properties.provider().id() + ":" + properties.model());
    }

    private static StreamingChatModel openAi(LlmProperties properties) {
        boolean cloud = properties.isCloud();
        if (cloud) requireApiKey(properties);
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(AbortableHttpClient.builder().ending(StreamEnd.OPENAI))
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
                .httpClientBuilder(AbortableHttpClient.builder().ending(StreamEnd.OLLAMA))
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
                .httpClientBuilder(AbortableHttpClient.builder().ending(StreamEnd.ANTHROPIC))
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
            throw new LlmSetupException("studienlotse.llm.provider=%s at %s needs an API key, and none is set."
                    .formatted(properties.provider().id(), properties.displayBaseUrl()),
                    "Set STUDIENLOTSE_LLM_API_KEY (studienlotse.llm.api-key), or STUDIENLOTSE_LLM_PROVIDER=extractive to answer without a model.");
        }
    }

    private static void requireModel(LlmProperties properties) {
        if (!properties.hasModel()) {
            throw new LlmSetupException(("studienlotse.llm.provider=%s at %s has no model name: a server other than the "
                    + "provider's cloud serves the models it was given, and no default can be guessed.")
                    .formatted(properties.provider().id(), properties.displayBaseUrl()),
                    "Set STUDIENLOTSE_LLM_MODEL (studienlotse.llm.model) to a model the server has, e.g. llama3.1 for Ollama or the name vLLM was started with.");
        }
    }

    private static void requireBaseUrl(LlmProperties properties) {
        URI uri;
        try {
            uri = URI.create(properties.baseUrl());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new LlmSetupException("studienlotse.llm.base-url=%s is not an http(s) URL."
                    .formatted(properties.displayBaseUrl()),
                    "Set STUDIENLOTSE_LLM_BASE_URL to the API root, e.g. http://localhost:8000/v1 (OpenAI-compatible) or http://localhost:11434 (Ollama), or leave it empty for the provider's cloud.");
        }
    }
}
