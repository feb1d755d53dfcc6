package de.studienlotse.feedback;

import de.studienlotse.answer.Citation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ratings as CSV for a spreadsheet: UTF-8 with byte-order mark and ";" between fields, which is what Excel in a
 * German locale opens without an import dialog; quoting as RFC 4180. Fields that a spreadsheet would run as a formula
 * (starting with =, +, -, @) get a leading apostrophe: comments and questions come from the public.
 */
final class FeedbackCsv {

    static final String BOM = "\uFEFF";
    static final String HEADER = String.join(";", "message_id", "client_id", "rating", "reasons", "comment", "question",
            "answer", "citations", "backend", "conversation_id", "answered_at", "created_at", "updated_at");

    private FeedbackCsv() {
    }

    static String row(Feedback f) {
        return String.join(";", field(f.messageId()), field(f.clientId()), field(f.rating().value()),
                field(String.join(" | ", f.reasons())), field(f.comment()), field(f.question()), field(f.answer()),
                field(passages(f.citations())), field(f.backend()), field(f.conversationId()),
                field(String.valueOf(f.answeredAt())), field(String.valueOf(f.createdAt())),
                field(String.valueOf(f.updatedAt())));
    }

    /** "[1] B4.erfolgsfaktoren.2, [2] ..." */
    private static String passages(List<Citation> citations) {
        return citations.stream().map(c -> "[" + c.n() + "] " + c.passageId()).collect(Collectors.joining(", "));
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
