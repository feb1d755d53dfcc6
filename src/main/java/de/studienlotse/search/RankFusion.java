package de.studienlotse.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking adds {@code weight / (K + rank)} to a
 * document, rank counted from 1. Only ranks count, so BM25 scores and cosines, which share no scale, can be fused.
 */
final class RankFusion {

    /** The constant of the paper: damps the difference between the first few ranks. */
    static final int K = 60;

    /** Documents best first, and how much this ranking counts. */
    record Ranking(ScoreDoc[] docs, float weight) {
    }

    private RankFusion() {
    }

    /**
     * The fused ranking, best first, its score the fused one. Ties keep the order in which the rankings (then their
     * documents) were given, so the question's own ranking decides between equals.
     */
    static ScoreDoc[] fuse(List<Ranking> rankings) {
        Map<Integer, Float> scores = new LinkedHashMap<>();
        for (Ranking ranking : rankings) {
            for (int rank = 0; rank < ranking.docs().length; rank++) {
                scores.merge(ranking.docs()[rank].doc, ranking.weight() / (K + rank + 1), Float::sum);
            }
        }
        List<ScoreDoc> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score)));
        fused.sort((a, b) -> Float.compare(b.score, a.score)); // stable: ties keep insertion order
        return fused.toArray(ScoreDoc[]::new);
    }
}
