package de.studienlotse.evaluation;

import java.util.List;

/**
 * The two baselines a report scores beside the service ({@code evaluation/README.md}): BM25 over fixed-size chunks and
 * LangChain4j's Easy RAG defaults. Only the evaluation command builds them: their embedding model and ONNX runtime
 * are no part of the executable jar.
 */
public interface Baselines {

    /** Baseline a: how many chunks it searches. */
    int bm25Chunks();

    /** Baseline a: the best {@code k} chunks for a question typed alone, best first. */
    List<Hit> bm25(String question, int k);

    /** Baseline b: how many segments it embedded. */
    int easyRagSegments();

    /** Baseline b: the best {@code k} segments, best first. */
    List<Hit> easyRag(String question, int k);

    /** Baseline b as configured: the segments it would hand to a model. */
    List<Hit> easyRagSources(String question);
}
