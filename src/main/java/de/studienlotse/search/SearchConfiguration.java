package de.studienlotse.search;

import de.studienlotse.corpus.Study;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the passage index once at start-up from the parsed study; closed on shutdown. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    /**
     * The index, the thesaurus, the bridges and the concepts: with a cache directory read from it when an earlier start
     * kept them under the same inputs ({@link SearchCache}), else built (and kept); with an on-disk index path always
     * built. The dictionaries' answers are kept beside them, for the questions' words.
     */
    @Bean(destroyMethod = "close")
    PassageIndex passageIndex(Study study, SearchProperties properties, EmbeddingProperties embeddings) {
        GermanMorphology morphology = GermanMorphology.load();
        Path cache = properties.cacheDir() == null || properties.cacheDir().isBlank() ? null
                : Path.of(properties.cacheDir());
        if (cache == null) {
            return PassageIndex.create(study, properties, embeddings(study, embeddings), morphology);
        }
        String fingerprint = GermanMorphology.fingerprint();
        Path memo = cache.resolve("morphologie-" + fingerprint + ".tsv");
        int known = morphology.restore(memo);
        if (known > 0) {
            log.info("German dictionaries: {} answers kept from an earlier start ({})", known, memo);
        }
        PassageIndex index;
        if (properties.indexPath() == null || properties.indexPath().isBlank()) {
            SearchCache.Opened opened = SearchCache.open(study, properties, embeddings(study, embeddings), morphology,
                    fingerprint, cache);
            if (opened.kept()) {
                log.info("Search index, thesaurus and concepts read from {}", cache);
            }
            index = opened.index();
        } else {
            index = PassageIndex.create(study, properties, embeddings(study, embeddings), morphology);
        }
        if (known == 0) {
            // the first start with these dictionaries: the next one skips most of their look-ups
            try {
                morphology.save(memo);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not keep the dictionaries' answers in {}: {}", memo, e.toString());
            }
        }
        return index;
    }

    /** The passage vectors of the configured embedding model; none (no client at all) by default. */
    static PassageEmbeddings embeddings(Study study, EmbeddingProperties properties) {
        if (properties.provider() == EmbeddingProperties.Provider.NONE) {
            return PassageEmbeddings.none();
        }
        return PassageEmbeddings.load(study, model(properties), properties.modelName(), Path.of(properties.cacheDir()),
                properties.batchSize());
    }

    /**
     * LangChain4j's client of the provider. No retries: a server that is down must not hold up a question, which is
     * then searched lexically.
     */
    static EmbeddingModel model(EmbeddingProperties properties) {
        return switch (properties.provider()) {
            case NONE -> throw new IllegalArgumentException("no embedding model configured");
            case OPENAI -> OpenAiEmbeddingModel.builder()
                    .baseUrl(properties.baseUrl())
                    // local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) run without a key
                    .apiKey(properties.apiKey() == null ? "none" : properties.apiKey())
                    .modelName(properties.model())
                    .timeout(properties.timeout())
                    .maxRetries(0)
                    .build();
            case OLLAMA -> OllamaEmbeddingModel.builder()
                    .baseUrl(properties.baseUrl())
                    .customHeaders(properties.apiKey() == null ? Map.of()
                            : Map.of("Authorization", "Bearer " + properties.apiKey()))
                    .modelName(properties.model())
                    .timeout(properties.timeout())
                    .maxRetries(0)
                    .build();
        };
    }
}
