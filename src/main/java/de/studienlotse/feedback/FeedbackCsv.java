package de.studienlotse.feedback;

import de.studienlotse.answer.Citation;
import de.studienlotse.web.SpreadsheetCsv;
import java.util.List;
import java.util.stream.Collectors;

/** Ratings of the widget as CSV for a spreadsheet, in the exports' one format ({@link SpreadsheetCsv}). */
final class FeedbackCsv {

    static final String BOM = SpreadsheetCsv.BOM;
    static final String HEADER = SpreadsheetCsv.row("message_id", "client_id", "rating", "reasons", "comment", "question",
            "answer", "citations", "backend", "conversation_id", "answered_at", "created_at", "updated_at");

    private FeedbackCsv() {
    }

    static String row(Feedback f) {
        return SpreadsheetCsv.row(f.messageId(), f.clientId(), f.rating().value(), String.join(" | ", f.reasons()),
                f.comment(), f.question(), f.answer(), passages(f.citations()), f.backend(), f.conversationId(),
                String.valueOf(f.answeredAt()), String.valueOf(f.createdAt()), String.valueOf(f.updatedAt()));
    }

    /** "[1] B4.erfolgsfaktoren.2, [2] ..." */
    private static String passages(List<Citation> citations) {
        return citations.stream().map(c -> "[" + c.n() + "] " + c.passageId()).collect(Collectors.joining(", "));
    }
}
