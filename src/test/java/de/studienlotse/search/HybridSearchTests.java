package de.studienlotse.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hybrid search: LangChain4j's real OpenAI and Ollama embedding clients against a fake server that speaks their
 * embedding APIs and returns vectors chosen by the test, fused with BM25's ranking.
 */
class HybridSearchTests {

    static final String QUESTION = "Wie wurde die Datenqualität verbessert?";
    static final int K = 8;

    final Study study = Brochure.study();
    FakeLlmServer server;
    /** The one passage the fake vectors put next to the question, one the lexical search does not find. */
    Passage target;

    @TempDir
    Path cache;

    @BeforeEach
    void pickTarget() {
        List<String> lexical = Brochure.index().search(SearchRequest.of(QUESTION, 50)).stream()
                .map(h -> h.passage().id()).toList();
        assertThat(lexical).isNotEmpty();
        target = study.passages().stream().filter(p -> !lexical.contains(p.id()) && p.caseId() != null)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.close();
    }

    /**
     * The question and the target share a direction; every other passage points elsewhere, a little apart from each
     * other (by its text's hash), so that their cosines to the question differ as a real model's would.
     */
    Function<String, float[]> vectors() {
        return text -> text.equals(QUESTION) || text.contains(target.text()) ? new float[]{1, 0, 0}
                : new float[]{0.2f * Math.floorMod(text.hashCode(), 100) / 100f, 1, 0};
    }

    EmbeddingProperties properties(Protocol protocol, String baseUrl) {
        EmbeddingProperties.Provider provider = protocol == Protocol.OPENAI ? EmbeddingProperties.Provider.OPENAI
                : EmbeddingProperties.Provider.OLLAMA;
        return new EmbeddingProperties(provider, baseUrl, "embed-test", null, Duration.ofSeconds(5), cache.toString(), 64);
    }

    PassageIndex index(EmbeddingProperties properties) {
        return PassageIndex.create(study, SearchProperties.defaults(), SearchConfiguration.embeddings(study, properties));
    }

    List<String> ids(PassageIndex index) {
        return index.search(SearchRequest.of(QUESTION, K)).stream().map(h -> h.passage().id()).toList();
    }

    List<String> lexicalIds() {
        return Brochure.index().search(SearchRequest.of(QUESTION, K)).stream().map(h -> h.passage().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void should_fuse_the_vector_hit_with_the_lexical_ranking(Protocol protocol) throws IOException {
        // given
        server = FakeLlmServer.start(protocol).embeds(vectors());

        // when
        List<String> hybrid;
        try (PassageIndex index = index(properties(protocol, server.baseUrl()))) {
            hybrid = ids(index);
        }

        // then: the vector hit joins the lexical ones, most of which stay
        assertThat(lexicalIds()).doesNotContain(target.id());
        assertThat(hybrid).hasSize(K).contains(target.id()).contains(lexicalIds().getFirst());
        assertThat(hybrid.stream().filter(lexicalIds()::contains).count()).isGreaterThanOrEqualTo(3);
        // every passage was embedded once, with where it stands, then the question
        assertThat(server.embeddedTexts()).hasSize(study.passages().size() + 1).last().isEqualTo(QUESTION);
        assertThat(server.embeddedTexts()).anySatisfy(text -> assertThat(text).contains(target.text(), "Fall " + target.caseId()));
    }

    @Test
    void should_filter_the_vector_ranking_like_the_lexical_one() throws IOException {
        // given
        server = FakeLlmServer.start(Protocol.OLLAMA).embeds(vectors());
        String otherCase = study.cases().stream().map(c -> c.id()).filter(id -> !id.equals(target.caseId()))
                .findFirst().orElseThrow();

        // when
        List<SearchHit> hits;
        try (PassageIndex index = index(properties(Protocol.OLLAMA, server.baseUrl()))) {
            hits = index.search(new SearchRequest(QUESTION, K, null, otherCase, null));
        }

        // then
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.passage().caseId()).isEqualTo(otherCase));
    }

    @Test
    void should_cache_the_passage_vectors_and_embed_only_the_question_on_the_next_start() throws IOException {
        // given: a first start computed and cached the vectors
        server = FakeLlmServer.start(Protocol.OPENAI).embeds(vectors());
        EmbeddingProperties properties = properties(Protocol.OPENAI, server.baseUrl());
        index(properties).close();
        List<Path> files;
        try (Stream<Path> listed = Files.list(cache)) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith("passages-openai_embed-test-").endsWith(".vec");
            assertThat(Files.size(file)).isGreaterThan(study.passages().size() * 3L * Float.BYTES);
        });
        server.reset().embeds(vectors());

        // when: the next start
        List<String> hybrid;
        try (PassageIndex index = index(properties)) {
            assertThat(server.embeddedTexts()).as("no passage embedded again").isEmpty();
            hybrid = ids(index);
        }

        // then
        assertThat(server.embeddedTexts()).containsExactly(QUESTION);
        assertThat(hybrid).contains(target.id());
    }

    @Test
    void should_not_read_vectors_cached_for_another_model() throws IOException {
        // given
        server = FakeLlmServer.start(Protocol.OPENAI).embeds(vectors());
        index(properties(Protocol.OPENAI, server.baseUrl())).close();
        server.reset().embeds(vectors());
        EmbeddingProperties other = new EmbeddingProperties(EmbeddingProperties.Provider.OPENAI, server.baseUrl(),
                "another-model", null, Duration.ofSeconds(5), cache.toString(), 64);

        // when
        index(other).close();

        // then
        assertThat(server.embeddedTexts()).hasSize(study.passages().size());
    }

    @Test
    void should_search_lexically_when_the_embedding_server_is_down() throws IOException {
        // given: nothing listens there any more
        server = FakeLlmServer.start(Protocol.OLLAMA);
        String baseUrl = server.baseUrl();
        server.close();

        // when
        List<String> ids;
        try (PassageIndex index = index(properties(Protocol.OLLAMA, baseUrl))) {
            ids = ids(index);
        }

        // then
        assertThat(ids).isEqualTo(lexicalIds());
    }

    @Test
    void should_search_lexically_when_the_question_cannot_be_embedded() throws IOException {
        // given: the vectors were cached, then the server stopped embedding
        server = FakeLlmServer.start(Protocol.OPENAI).embeds(vectors());
        EmbeddingProperties properties = properties(Protocol.OPENAI, server.baseUrl());
        try (PassageIndex index = index(properties)) {
            server.reset(); // embedding endpoint answers 404 now

            // when
            List<String> ids = ids(index);

            // then
            assertThat(ids).isEqualTo(lexicalIds());
        }
    }

    @Test
    void should_call_no_server_with_provider_none() throws IOException {
        // given: a server that would answer, but the provider is none
        server = FakeLlmServer.start(Protocol.OPENAI).embeds(vectors());
        EmbeddingProperties none = new EmbeddingProperties(EmbeddingProperties.Provider.NONE, server.baseUrl(),
                "embed-test", null, null, cache.toString(), 64);

        // when
        List<String> ids;
        try (PassageIndex index = index(none)) {
            ids = ids(index);
        }

        // then
        assertThat(ids).isEqualTo(lexicalIds());
        assertThat(server.embeddedTexts()).isEmpty();
        try (Stream<Path> listed = Files.list(cache)) {
            assertThat(listed).isEmpty();
        }
    }
}
