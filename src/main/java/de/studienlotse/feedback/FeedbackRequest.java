package de.studienlotse.feedback;

import java.util.List;

/**
 * A rating as the widget sends it; checked by {@link FeedbackController}, so its messages can be German.
 *
 * @param messageId the {@code messageId} of the rated answer
 * @param rating    {@code "up"} or {@code "down"}
 * @param comment   optional free text
 * @param reasons   optional, from {@code studienlotse.feedback.reasons}
 * @param clientId  the widget's id for this browser, if not sent as header {@code X-Client-Id}
 */
public record FeedbackRequest(String messageId, String rating, String comment, List<String> reasons, String clientId) {
}
