package de.studienlotse.evaluation.workbench;

import de.studienlotse.web.SpreadsheetCsv;

/** Evaluators' ratings as CSV, in the exports' one format ({@link SpreadsheetCsv}), as the widget feedback's export. */
final class RatingCsv {

    static final String BOM = SpreadsheetCsv.BOM;
    static final String HEADER = SpreadsheetCsv.row("run_id", "question_id", "evaluator", "correctness", "groundedness",
            "helpfulness", "comment", "question", "created_at", "updated_at");

    private RatingCsv() {
    }

    static String row(EvaluatorRating r) {
        return SpreadsheetCsv.row(r.runId(), r.questionId(), r.evaluator(), r.correctness(), r.groundedness(),
                r.helpfulness(), r.comment(), r.question(), String.valueOf(r.createdAt()), String.valueOf(r.updatedAt()));
    }
}
