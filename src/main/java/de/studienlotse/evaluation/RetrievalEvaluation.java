package de.studienlotse.evaluation;

import de.studienlotse.corpus.Passage;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Case-level Recall@5 and MRR@10 of one index over the answerable gold questions. A hit counts for the case its
 * passage belongs to; for study-level questions (no gold case) for its section ("fazit", "B4.herausforderungen").
 * Each question is searched on its own, without its chat history.
 */
final class RetrievalEvaluation {

    static final int RECALL_AT = 5;
    static final int MRR_AT = 10;
    /** Each question is timed this often; the JMH benchmark ({@code SearchBenchmark}) is the careful figure. */
    static final int TIMED_ROUNDS = 10;

    private RetrievalEvaluation() {
    }

    /** Scores of one set-up; {@code medianMicros} is the median time of one search (analysis + Lucene). */
    record Scores(int questions, double recall, double mrr, double medianMicros) {
    }

    static Scores evaluate(PassageIndex index, List<RetrievalQuestion> questions) {
        return evaluate(index, questions, q -> true);
    }

    static Scores evaluate(PassageIndex index, List<RetrievalQuestion> questions,
                           Predicate<RetrievalQuestion> which) {
        List<RetrievalQuestion> scored = questions.stream().filter(RetrievalQuestion::answerable).filter(which)
                .toList();
        double recall = 0;
        double mrr = 0;
        for (RetrievalQuestion question : scored) {
            List<SearchHit> hits = index.search(SearchRequest.of(question.question(), MRR_AT));
            recall += recall(question, hits);
            mrr += reciprocalRank(question, hits);
        }
        long[] nanos = new long[scored.size() * TIMED_ROUNDS];
        for (int round = 0, i = 0; round < TIMED_ROUNDS; round++) {
            for (RetrievalQuestion question : scored) {
                long start = System.nanoTime();
                index.search(SearchRequest.of(question.question(), MRR_AT));
                nanos[i++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double median = nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1_000.0;
        int n = Math.max(1, scored.size());
        return new Scores(scored.size(), recall / n, mrr / n, median);
    }

    static double recall(RetrievalQuestion question, List<SearchHit> hits) {
        Set<String> found = hits.stream().limit(RECALL_AT).map(hit -> key(question, hit.passage()))
                .collect(java.util.stream.Collectors.toSet());
        List<String> relevant = question.relevant();
        return relevant.isEmpty() ? 0 : (double) relevant.stream().filter(found::contains).count() / relevant.size();
    }

    static double reciprocalRank(RetrievalQuestion question, List<SearchHit> hits) {
        for (int rank = 0; rank < Math.min(MRR_AT, hits.size()); rank++) {
            if (question.relevant().contains(key(question, hits.get(rank).passage()))) {
                return 1.0 / (rank + 1);
            }
        }
        return 0;
    }

    private static String key(RetrievalQuestion question, Passage passage) {
        if (!question.studyLevel()) {
            return passage.caseId() == null ? "" : passage.caseId();
        }
        return passage.caseId() == null ? passage.sectionId() : passage.caseId() + "." + passage.sectionId();
    }
}
