package de.studienlotse.feedback;

import de.studienlotse.answer.Citation;
import java.time.Instant;
import java.util.List;

/**
 * One client's rating of one answer, with a copy of that answer as the user saw it: question, text, sources and
 * backend stay readable after the corpus, the prompts or the exchange log change.
 *
 * @param clientId   the widget's random id for this browser (no IP address, no account)
 * @param reasons    chosen from {@code studienlotse.feedback.reasons}, e.g. "falsch", "Quelle passt nicht"
 * @param comment    free text, or {@code null}
 * @param answeredAt when the answer was given
 * @param createdAt  when this client first rated it
 * @param updatedAt  when this client last changed the rating
 */
public record Feedback(String messageId, String clientId, Rating rating, List<String> reasons, String comment,
                       String conversationId, String question, String answer, List<Citation> citations, String backend,
                       Instant answeredAt, Instant createdAt, Instant updatedAt) {

    public Feedback {
        if (messageId == null || messageId.isBlank()) throw new IllegalArgumentException("messageId must not be blank");
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("clientId must not be blank");
        if (rating == null) throw new IllegalArgumentException("rating must not be null");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
