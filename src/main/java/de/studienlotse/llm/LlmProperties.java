package de.studienlotse.llm;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which language model writes the answers, and how long it may take. A blank {@code baseUrl} falls back to the
 * provider's cloud; a blank {@code model} to the provider's default only there: a local or self-hosted server must be
 * told its model, since a cloud default sent to it fails on the first question, not at start-up.
 *
 * @param provider          who writes the answer; {@code extractive} (the default) needs no model at all
 * @param baseUrl           API root, with {@code /v1} for OpenAI and Anthropic: {@code http://localhost:8000/v1} for a vLLM
 * @param model             model name as the provider spells it; null when none is configured and there is no default
 * @param apiKey            secret from {@code STUDIENLOTSE_LLM_API_KEY}; kept out of {@link #toString()} and logs
 * @param timeout           longest one answer may stream, first byte to last
 * @param firstTokenTimeout longest the model may stay silent before its first token
 * @param idleTimeout       longest the model may stay silent between two tokens
 * @param temperature       sampling temperature; low, since answers restate the study rather than invent
 * @param maxTokens         most tokens the model may generate for one answer
 * @param rewriteTimeout    longest a rewrite of the question (follow-up made standalone, query in the study's words) may take
 * @param rewriteMaxTokens  most tokens the model may generate for such a rewrite
 */
@ConfigurationProperties("studienlotse.llm")
public record LlmProperties(
        @DefaultValue("extractive") Provider provider,
        String baseUrl,
        String model,
        String apiKey,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("20s") Duration firstTokenTimeout,
        @DefaultValue("5s") Duration idleTimeout,
        @DefaultValue("0.1") double temperature,
        @DefaultValue("1024") int maxTokens,
        @DefaultValue("8s") Duration rewriteTimeout,
        @DefaultValue("128") int rewriteMaxTokens) {

    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_REWRITE_TIMEOUT = Duration.ofSeconds(8);
    static final int DEFAULT_REWRITE_MAX_TOKENS = 128;

    /** The backends Studienlotse can talk to; each knows its public endpoint and, there, a sensible model. */
    public enum Provider {
        EXTRACTIVE("", ""),
        OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
        // Ollama runs locally: whichever model was pulled there must be named
        OLLAMA("http://localhost:11434", ""),
        ANTHROPIC("https://api.anthropic.com/v1/", "claude-sonnet-4-6");

        private final String defaultBaseUrl;
        private final String defaultModel;

        Provider(String defaultBaseUrl, String defaultModel) {
            this.defaultBaseUrl = defaultBaseUrl;
            this.defaultModel = defaultModel;
        }

        /** Whether {@code baseUrl} is this provider's own cloud, where a key is needed and a default model exists. */
        boolean isCloud(String baseUrl) {
            if (defaultModel.isEmpty()) return false;
            return hostOf(baseUrl).equalsIgnoreCase(hostOf(defaultBaseUrl));
        }

        /** As {@code studienlotse.llm.provider} spells it. */
        public String id() {
            return name().toLowerCase();
        }
    }

    @ConstructorBinding
    public LlmProperties {
        if (provider == null) provider = Provider.EXTRACTIVE;
        if (timeout == null) timeout = Duration.ofSeconds(60);
        if (firstTokenTimeout == null) firstTokenTimeout = Duration.ofSeconds(20);
        if (idleTimeout == null) idleTimeout = DEFAULT_IDLE_TIMEOUT;
        if (rewriteTimeout == null) rewriteTimeout = DEFAULT_REWRITE_TIMEOUT;
        requirePositive(timeout, "timeout");
        requirePositive(firstTokenTimeout, "firstTokenTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(rewriteTimeout, "rewriteTimeout");
        if (temperature < 0 || temperature > 2) throw new IllegalArgumentException("temperature must be within 0..2");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive");
        if (rewriteMaxTokens < 1) throw new IllegalArgumentException("rewriteMaxTokens must be positive");
        baseUrl = isBlank(baseUrl) ? provider.defaultBaseUrl : baseUrl.strip();
        model = !isBlank(model) ? model.strip() : provider.isCloud(baseUrl) ? provider.defaultModel : null;
        apiKey = isBlank(apiKey) ? null : apiKey.strip();
    }

    /** The settings before idle and rewrite limits existed; those take their defaults. */
    public LlmProperties(Provider provider, String baseUrl, String model, String apiKey, Duration timeout,
                         Duration firstTokenTimeout, double temperature, int maxTokens) {
        this(provider, baseUrl, model, apiKey, timeout, firstTokenTimeout, null, temperature, maxTokens, null,
                DEFAULT_REWRITE_MAX_TOKENS);
    }

    /** Whether a (non-blank) API key is configured. */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** Whether the base URL is the provider's own cloud. */
    public boolean isCloud() {
        return provider.isCloud(baseUrl);
    }

    /** Whether a model name is configured or defaulted. */
    public boolean hasModel() {
        return model != null;
    }

    /** The base URL without any user info, safe to log and show. */
    public String displayBaseUrl() {
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getUserInfo() == null) return baseUrl;
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(invalid URL)";
        }
    }

    /** Like the record's own, but never with the key. */
    @Override
    public String toString() {
        return ("LlmProperties[provider=%s, baseUrl=%s, model=%s, apiKey=%s, timeout=%s, firstTokenTimeout=%s, "
                + "idleTimeout=%s, temperature=%s, maxTokens=%d, rewriteTimeout=%s, rewriteMaxTokens=%d]")
                .formatted(provider, displayBaseUrl(), model, hasApiKey() ? "***" : "none", timeout, firstTokenTimeout,
                        idleTimeout, temperature, maxTokens, rewriteTimeout, rewriteMaxTokens);
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
