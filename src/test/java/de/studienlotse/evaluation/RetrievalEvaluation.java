package de.studienlotse.evaluation;

import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Case-level Recall@5 and MRR@10 of one passage index over the answerable gold questions, for comparing analyzer
 * set-ups ({@code EvaluationCommand retrieval|tuning}); the same {@link Metrics} as the full run. Each question is
 * searched on its own, without its chat history.
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

    static Scores evaluate(PassageIndex index, List<GoldQuestion> questions) {
        return evaluate(index, questions, q -> true);
    }

    static Scores evaluate(PassageIndex index, List<GoldQuestion> questions, Predicate<GoldQuestion> which) {
        List<GoldQuestion> scored = questions.stream().filter(GoldQuestion::answerable)
                .filter(q -> !q.relevant().isEmpty()).filter(which).toList();
        double recall = 0;
        double mrr = 0;
        for (GoldQuestion question : scored) {
            List<Set<String>> ranking = ranking(index, question);
            recall += Metrics.recallAt(ranking, question.relevant(), RECALL_AT);
            mrr += Metrics.reciprocalRank(ranking, question.relevant(), MRR_AT);
        }
        long[] nanos = new long[scored.size() * TIMED_ROUNDS];
        for (int round = 0, i = 0; round < TIMED_ROUNDS; round++) {
            for (GoldQuestion question : scored) {
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

    static List<Set<String>> ranking(PassageIndex index, GoldQuestion question) {
        return index.search(SearchRequest.of(question.question(), MRR_AT)).stream()
                .map(hit -> Hit.of(hit.passage()).keys(question)).toList();
    }
}
