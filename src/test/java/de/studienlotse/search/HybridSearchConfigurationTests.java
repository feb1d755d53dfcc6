package de.studienlotse.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.corpus.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code studienlotse.search.embeddings.*} from the application's configuration to the index the service searches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HybridSearchConfigurationTests {

    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.OLLAMA)
            .embeds(text -> new float[]{text.length() % 7, 1, 0});
    static final Path DATA_DIR = temporaryDirectory();

    @DynamicPropertySource
    static void embeddings(DynamicPropertyRegistry registry) {
        registry.add("studienlotse.data-dir", DATA_DIR::toString);
        registry.add("studienlotse.search.embeddings.provider", () -> "ollama");
        registry.add("studienlotse.search.embeddings.base-url", SERVER::baseUrl);
        registry.add("studienlotse.search.embeddings.model", () -> "embed-config-test");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        SERVER.close();
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Autowired
    EmbeddingProperties properties;

    @Autowired
    PassageIndex index;

    @Autowired
    Study study;

    @Test
    void should_embed_every_passage_at_start_up_and_cache_the_vectors_under_the_data_dir() throws IOException {
        // then: bound from application.yml, the cache beside the service's other files
        assertThat(properties.provider()).isEqualTo(EmbeddingProperties.Provider.OLLAMA);
        assertThat(properties.modelName()).isEqualTo("ollama:embed-config-test");
        assertThat(Path.of(properties.cacheDir())).isEqualTo(DATA_DIR.resolve("embeddings"));
        assertThat(SERVER.embeddedTexts()).hasSize(study.passages().size());
        try (Stream<Path> cached = Files.list(DATA_DIR.resolve("embeddings"))) {
            assertThat(cached).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".vec"));
        }

        // when
        index.search(SearchRequest.of("Wie wurde die Datenqualität verbessert?", 5));

        // then: the question is embedded for the vector ranking
        assertThat(SERVER.embeddedTexts()).last().isEqualTo("Wie wurde die Datenqualität verbessert?");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("studienlotse-embeddings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
