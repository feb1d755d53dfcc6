package de.studienlotse.evaluation.workbench;

/**
 * Evaluators' ratings as CSV, in the format of the widget feedback's export ({@code feedback.FeedbackCsv}): UTF-8 with
 * byte-order mark, ";" between fields, RFC 4180 quoting, a leading apostrophe before what a spreadsheet would run as a
 * formula.
 */
final class RatingCsv {

    static final String BOM = "\uFEFF";
    static final String HEADER = String.join(";", "run_id", "question_id", "evaluator", "correctness", "groundedness",
            "helpfulness", "comment", "question", "created_at", "updated_at");

    private RatingCsv() {
    }

    static String row(EvaluatorRating r) {
        return String.join(";", field(r.runId()), field(r.questionId()), field(r.evaluator()),
                String.valueOf(r.correctness()), String.valueOf(r.groundedness()), String.valueOf(r.helpfulness()),
                field(r.comment()), field(r.question()), field(String.valueOf(r.createdAt())),
                field(String.valueOf(r.updatedAt())));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.contains(",")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
