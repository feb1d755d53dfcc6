package de.studienlotse.evaluation;

import de.studienlotse.answer.Citation;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The arithmetic of every figure in the evaluation report, one question at a time; {@link EvaluationRunner} averages
 * over questions. The definitions are repeated in {@code evaluation/README.md}.
 *
 * <p>A ranking is the list of hits in rank order, each hit as the set of keys it stands for: the case of a passage
 * ({@code "B4"}), its section for section-level questions ({@code "fazit"}), or every case a text chunk overlaps.
 * A key counts once, at the first hit that holds it; later hits of the same case neither add nor subtract.
 */
final class Metrics {

    private Metrics() {
    }

    /** Share of the relevant keys held by the first {@code k} hits. */
    static double recallAt(List<Set<String>> ranking, Set<String> relevant, int k) {
        requireRelevant(relevant);
        Set<String> found = new HashSet<>();
        ranking.stream().limit(k).forEach(found::addAll);
        found.retainAll(relevant);
        return (double) found.size() / relevant.size();
    }

    /** 1 / rank of the first hit holding a relevant key within the first {@code k} hits; 0 if there is none. */
    static double reciprocalRank(List<Set<String>> ranking, Set<String> relevant, int k) {
        requireRelevant(relevant);
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (ranking.get(i).stream().anyMatch(relevant::contains)) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * nDCG@k with binary relevance per key: a relevant key gains 1 at the first rank that holds it, discounted by
     * log2(rank + 1); the ideal ranking puts one relevant key on each of the first min(|relevant|, k) ranks. A chunk
     * holding two relevant cases gains 2 at its rank, so the ratio is capped at 1.
     */
    static double ndcgAt(List<Set<String>> ranking, Set<String> relevant, int k) {
        requireRelevant(relevant);
        Set<String> seen = new HashSet<>();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            long gain = ranking.get(i).stream().filter(relevant::contains).filter(seen::add).count();
            dcg += gain / log2(i + 2);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return Math.min(1, dcg / ideal);
    }

    /** Share of the cited keys that are gold; an answer citing nothing scores 0. */
    static double citationPrecision(Set<String> cited, Set<String> gold) {
        if (cited.isEmpty()) {
            return 0;
        }
        return (double) cited.stream().filter(gold::contains).count() / cited.size();
    }

    /** Share of the gold keys that are cited. */
    static double citationRecall(Set<String> cited, Set<String> gold) {
        requireRelevant(gold);
        return (double) gold.stream().filter(cited::contains).count() / gold.size();
    }

    /**
     * Citations that resolve to a passage given to the answerer: a source with the same number {@code [n]} and the
     * same passage id. An answer may cite only what it was given, so every citation should.
     */
    static int validCitations(List<Citation> cited, List<Citation> given) {
        int valid = 0;
        for (Citation citation : cited) {
            if (given.stream().anyMatch(s -> s.n() == citation.n() && s.passageId().equals(citation.passageId()))) {
                valid++;
            }
        }
        return valid;
    }

    /**
     * Abstention both ways. {@code refusedWhenShould}: share of unanswerable questions the answer declined;
     * {@code answeredWhenShould}: share of answerable questions it did not decline. Null where no question of that
     * kind was asked.
     */
    static Abstention abstention(Collection<Outcome> outcomes) {
        int shouldRefuse = 0;
        int refused = 0;
        int shouldAnswer = 0;
        int answered = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.answerable()) {
                shouldAnswer++;
                if (!outcome.abstained()) answered++;
            } else {
                shouldRefuse++;
                if (outcome.abstained()) refused++;
            }
        }
        return new Abstention(shouldRefuse == 0 ? null : (double) refused / shouldRefuse, shouldRefuse,
                shouldAnswer == 0 ? null : (double) answered / shouldAnswer, shouldAnswer);
    }

    /** Whether a question should be answered, and whether the answer declined. */
    record Outcome(boolean answerable, boolean abstained) {
    }

    record Abstention(Double refusedWhenShould, int unanswerable, Double answeredWhenShould, int answerable) {
    }

    /**
     * Share of the must-mention facts found in the answer text. Both sides are lower-cased, bold and quotation marks
     * removed, white space collapsed; otherwise the fact must appear as written. No facts: nothing to miss, 1.
     */
    static double mustMention(String answer, List<String> facts) {
        if (facts.isEmpty()) {
            return 1;
        }
        String text = normalize(answer);
        return (double) facts.stream().filter(fact -> text.contains(normalize(fact))).count() / facts.size();
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.GERMAN).replaceAll("[*„“\"]", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code p} % of the values are less or equal,
     * i.e. the value at 1-based rank ceil(p / 100 * n) of the sorted values. Null for no values.
     */
    static Double percentile(double[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void requireRelevant(Set<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("relevant must not be empty");
        }
    }
}
