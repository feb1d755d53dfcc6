package de.studienlotse.feedback;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /api/feedback} confirms; {@code clientId} is new when the request had none: send it next time to
 * change this rating instead of adding another.
 */
public record FeedbackReceipt(String messageId, String clientId, Rating rating, List<String> reasons, String comment,
                              Instant createdAt, Instant updatedAt) {

    static FeedbackReceipt of(Feedback feedback) {
        return new FeedbackReceipt(feedback.messageId(), feedback.clientId(), feedback.rating(), feedback.reasons(),
                feedback.comment(), feedback.createdAt(), feedback.updatedAt());
    }
}
