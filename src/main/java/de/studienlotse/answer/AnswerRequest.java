package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import java.util.List;

/**
 * A question with what came before it, already validated by the caller.
 *
 * @param history  earlier turns, oldest first (may be empty)
 * @param activity restrict the answer to one Tätigkeit, or {@code null}
 * @param caseId   restrict the answer to one case (B1..P4), or {@code null}
 */
public record AnswerRequest(String message, List<Turn> history, Activity activity, String caseId) {

    public AnswerRequest {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message must not be blank");
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static AnswerRequest of(String message) {
        return new AnswerRequest(message, List.of(), null, null);
    }
}
