package de.studienlotse.answer.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which language model writes the answers, and how long it may take. Blank {@code baseUrl} and {@code model} fall back
 * to the provider's defaults, so {@code studienlotse.llm.provider=ollama} alone is a working setup.
 *
 * @param provider          who writes the answer; {@code extractive} (the default) needs no model at all
 * @param baseUrl           API root, with {@code /v1} for OpenAI and Anthropic: {@code http://localhost:8000/v1} for a vLLM
 * @param model             model name as the provider spells it
 * @param apiKey            secret from {@code STUDIENLOTSE_LLM_API_KEY}; kept out of {@link #toString()} and logs
 * @param timeout           longest one answer may stream, first byte to last
 * @param firstTokenTimeout longest the model may stay silent before its first token
 * @param temperature       sampling temperature; low, since answers restate the study rather than invent
 * @param maxTokens         most tokens the model may generate for one answer
 */
@ConfigurationProperties("studienlotse.llm")
public record LlmProperties(
        @DefaultValue("extractive") Provider provider,
        String baseUrl,
        String model,
        String apiKey,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("20s") Duration firstTokenTimeout,
        @DefaultValue("0.1") double temperature,
        @DefaultValue("1024") int maxTokens) {

    /** The backends Studienlotse can talk to; each knows its public endpoint and a sensible model. */
    public enum Provider {
        EXTRACTIVE("", ""),
        OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
        OLLAMA("http://localhost:11434", "llama3.1"),
        ANTHROPIC("https://api.anthropic.com/v1/", "claude-sonnet-4-6");

        private final String defaultBaseUrl;
        private final String defaultModel;

        Provider(String defaultBaseUrl, String defaultModel) {
            this.defaultBaseUrl = defaultBaseUrl;
            this.defaultModel = defaultModel;
        }
    }

    public LlmProperties {
        if (provider == null) provider = Provider.EXTRACTIVE;
        if (timeout == null) timeout = Duration.ofSeconds(60);
        if (firstTokenTimeout == null) firstTokenTimeout = Duration.ofSeconds(20);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (firstTokenTimeout.isNegative() || firstTokenTimeout.isZero()) {
            throw new IllegalArgumentException("firstTokenTimeout must be positive");
        }
        if (temperature < 0 || temperature > 2) throw new IllegalArgumentException("temperature must be within 0..2");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive");
        baseUrl = isBlank(baseUrl) ? provider.defaultBaseUrl : baseUrl.strip();
        model = isBlank(model) ? provider.defaultModel : model.strip();
        apiKey = isBlank(apiKey) ? null : apiKey.strip();
    }

    /** Whether a (non-blank) API key is configured. */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** Like the record's own, but never with the key. */
    @Override
    public String toString() {
        return "LlmProperties[provider=%s, baseUrl=%s, model=%s, apiKey=%s, timeout=%s, firstTokenTimeout=%s, temperature=%s, maxTokens=%d]"
                .formatted(provider, baseUrl, model, hasApiKey() ? "***" : "none", timeout, firstTokenTimeout,
                        temperature, maxTokens);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
