package de.studienlotse.evaluation.workbench;

import java.time.Instant;

/** An evaluator's rating of one answer of one run; each score 1 (poor) to 5 (very good). */
record EvaluatorRating(String runId, String questionId, String evaluator, String question, int correctness,
                       int groundedness, int helpfulness, String comment, Instant createdAt, Instant updatedAt) {
}
