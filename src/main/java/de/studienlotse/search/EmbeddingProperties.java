package de.studienlotse.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional dense half of a hybrid search, under {@code studienlotse.search.embeddings}: an embedding model ranks
 * the passages by cosine to the question, and that ranking is fused with BM25's ({@link RankFusion}). Off by default.
 * Blank {@code baseUrl} and {@code model} fall back to the provider's defaults.
 *
 * @param provider  {@code none} (the default: lexical only), {@code openai} (any OpenAI-compatible
 *                  {@code /v1/embeddings}) or {@code ollama} ({@code /api/embed})
 * @param baseUrl   API root, with {@code /v1} for OpenAI-compatible servers
 * @param model     embedding model as the provider spells it
 * @param apiKey    secret, kept out of {@link #toString()}
 * @param timeout   longest one embedding request may take
 * @param cacheDir  where the passage vectors are kept between starts
 * @param batchSize passages per embedding request while the vectors are computed
 */
@ConfigurationProperties("studienlotse.search.embeddings")
public record EmbeddingProperties(@DefaultValue("none") Provider provider, String baseUrl, String model, String apiKey,
                                  @DefaultValue("30s") Duration timeout, @DefaultValue("data/embeddings") String cacheDir,
                                  @DefaultValue("32") int batchSize) {

    public enum Provider {
        NONE("", ""),
        OPENAI("https://api.openai.com/v1", "text-embedding-3-small"),
        OLLAMA("http://localhost:11434", "nomic-embed-text");

        private final String defaultBaseUrl;
        private final String defaultModel;

        Provider(String defaultBaseUrl, String defaultModel) {
            this.defaultBaseUrl = defaultBaseUrl;
            this.defaultModel = defaultModel;
        }
    }

    public EmbeddingProperties {
        if (provider == null) provider = Provider.NONE;
        if (timeout == null) timeout = Duration.ofSeconds(30);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (batchSize < 1) throw new IllegalArgumentException("batch-size must be positive: " + batchSize);
        baseUrl = isBlank(baseUrl) ? provider.defaultBaseUrl : baseUrl.strip();
        model = isBlank(model) ? provider.defaultModel : model.strip();
        apiKey = isBlank(apiKey) ? null : apiKey.strip();
        cacheDir = isBlank(cacheDir) ? "data/embeddings" : cacheDir.strip();
    }

    /** Lexical search only. */
    public static EmbeddingProperties none() {
        return new EmbeddingProperties(Provider.NONE, null, null, null, null, null, 32);
    }

    /** Provider and model, e.g. {@code ollama:nomic-embed-text}: names the vectors and their cache. */
    public String modelName() {
        return provider.name().toLowerCase(java.util.Locale.ROOT) + ":" + model;
    }

    @Override
    public String toString() {
        return "EmbeddingProperties[provider=%s, baseUrl=%s, model=%s, apiKey=%s, timeout=%s, cacheDir=%s, batchSize=%d]"
                .formatted(provider, baseUrl, model, apiKey == null ? "none" : "***", timeout, cacheDir, batchSize);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
