package de.studienlotse.evaluation.workbench;

import java.util.List;

/**
 * Cohen's kappa of two evaluators who scored the same answers on the categories 1–5: agreement beyond what their own
 * score distributions would give by chance. Cohen (1960) for the unweighted form, Cohen (1968) and Fleiss & Cohen
 * (1973) for the quadratic weights {@code (i-j)²/(k-1)²}, which count a 4 against a 5 as a small disagreement.
 *
 * <p>NOTE: with one category only (both always gave 4) chance agreement is 1 and the formula is 0/0; we report 1 for
 * that perfect agreement. With no common answers there is no kappa (null, "n/a").
 */
final class Kappa {

    static final int CATEGORIES = 5;

    private Kappa() {
    }

    /** One answer scored by both: a's score and b's score, each 1–5. */
    record Pair(int a, int b) {
        Pair {
            if (a < 1 || a > CATEGORIES || b < 1 || b > CATEGORIES) {
                throw new IllegalArgumentException("scores must be 1.." + CATEGORIES + ", got " + a + " and " + b);
            }
        }
    }

    /** Unweighted: (p_o - p_e) / (1 - p_e). */
    static Double unweighted(List<Pair> pairs) {
        return kappa(pairs, false);
    }

    /** Quadratic weights: 1 - Σ w·o / Σ w·e. */
    static Double quadratic(List<Pair> pairs) {
        return kappa(pairs, true);
    }

    private static Double kappa(List<Pair> pairs, boolean quadratic) {
        if (pairs.isEmpty()) {
            return null;
        }
        double n = pairs.size();
        double[][] observed = new double[CATEGORIES][CATEGORIES];
        double[] rowsA = new double[CATEGORIES];
        double[] columnsB = new double[CATEGORIES];
        for (Pair pair : pairs) {
            observed[pair.a() - 1][pair.b() - 1] += 1 / n;
            rowsA[pair.a() - 1] += 1 / n;
            columnsB[pair.b() - 1] += 1 / n;
        }
        // disagreement weights: unweighted kappa is the same formula with weight 1 off the diagonal
        double observedDisagreement = 0;
        double expectedDisagreement = 0;
        for (int i = 0; i < CATEGORIES; i++) {
            for (int j = 0; j < CATEGORIES; j++) {
                double weight = quadratic ? (double) (i - j) * (i - j) / ((CATEGORIES - 1) * (CATEGORIES - 1)) : i == j ? 0 : 1;
                observedDisagreement += weight * observed[i][j];
                expectedDisagreement += weight * rowsA[i] * columnsB[j];
            }
        }
        if (expectedDisagreement < 1e-12) {
            // both used one and the same category throughout: perfect agreement, chance explains it fully
            return 1.0;
        }
        return round(1 - observedDisagreement / expectedDisagreement);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
