package de.studienlotse.evaluation;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (b), the dense retrieval LangChain4j's "Easy RAG" would build over the brochure: the document split by
 * {@code DocumentSplitters.recursive(300, 30, new HuggingFaceTokenCountEstimator())} (paragraphs, then lines,
 * sentences, words; 300 tokens, 30 tokens of whole-sentence overlap; Easy RAG's {@code RecursiveDocumentSplitterFactory}),
 * embedded in-process by {@code bge-small-en-v1.5} quantized (ONNX, inside the Maven artifact, no network), kept in an
 * {@link InMemoryEmbeddingStore} and queried by an {@link EmbeddingStoreContentRetriever} with its defaults
 * (3 results, min score 0). Easy RAG reads files through Apache Tika, which returns a plain-text file as it is; here
 * the text is handed over directly.
 *
 * <p>Each segment is located in the raw text (the splitter only changes white space between the pieces it joins) and
 * counts for every case and study section it overlaps ({@link BrochureSpans}).
 */
final class EasyRagBaseline implements RankedSearch {

    static final int MAX_SEGMENT_TOKENS = 300;
    static final int MAX_OVERLAP_TOKENS = 30;
    private static final String START = "start";
    private static final String END = "end";

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final ContentRetriever defaults;
    private final BrochureSpans spans;
    private final int segments;

    EasyRagBaseline(String text, BrochureSpans spans) {
        this.spans = spans;
        this.model = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<TextSegment> located = locate(text, DocumentSplitters.recursive(MAX_SEGMENT_TOKENS, MAX_OVERLAP_TOKENS,
                new HuggingFaceTokenCountEstimator()).split(Document.from(text)));
        List<Embedding> embeddings = model.embedAll(located).content();
        store.addAll(embeddings, located);
        this.segments = located.size();
        this.defaults = EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(model).build();
    }

    int size() {
        return segments;
    }

    /** The top {@code k} of the same store and model, for the rank metrics (@5, @10). */
    @Override
    public List<Hit> search(String question, int k) {
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store)
                .embeddingModel(model).maxResults(k).build();
        return hits(retriever.retrieve(Query.from(question)));
    }

    /** What Easy RAG hands to the model: the retriever as configured by default, 3 segments. */
    List<Hit> sources(String question) {
        return hits(defaults.retrieve(Query.from(question)));
    }

    private List<Hit> hits(List<Content> contents) {
        return contents.stream().map(c -> c.textSegment().metadata())
                .map(m -> spans.hit(m.getInteger(START), m.getInteger(END))).toList();
    }

    /**
     * Finds each segment in the text, in order: white space collapsed on both sides, each segment searched from the
     * previous segment's start (segments overlap, and a heading carried over as overlap can start two segments).
     */
    static List<TextSegment> locate(String text, List<TextSegment> segments) {
        StringBuilder normalized = new StringBuilder();
        List<Integer> original = new ArrayList<>(); // normalized index -> index in text
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    normalized.append(' ');
                    original.add(i);
                    space = true;
                }
            } else {
                normalized.append(c);
                original.add(i);
                space = false;
            }
        }
        original.add(text.length());
        String haystack = normalized.toString();
        List<TextSegment> located = new ArrayList<>();
        int from = 0;
        for (TextSegment segment : segments) {
            String needle = segment.text().strip().replaceAll("\\s+", " ");
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                throw new IllegalStateException("segment not found in the text: " + needle.substring(0,
                        Math.min(80, needle.length())));
            }
            Metadata metadata = segment.metadata().copy().put(START, original.get(at))
                    .put(END, original.get(at + needle.length() - 1) + 1);
            located.add(TextSegment.from(segment.text(), metadata));
            from = at;
        }
        return located;
    }
}
