package de.studienlotse.feedback;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the feedback API.
 *
 * @param maxCommentLength characters of one comment
 * @param reasons          the reasons a rating may name; the widget offers them, the API refuses others
 * @param timeout          how long a rating waits for the database before the answer is 503
 * @param retryAfter       what that 503 tells the client to wait ({@code Retry-After}): a restarted database or a
 *                         failover is usually back within it, and the pool reconnects by itself
 * @param maxPageSize      ratings per page of {@code GET /api/feedback}
 * @param maxClientsPerMessage clients whose ratings of one answer are kept (one row each, changeable): only the asker
 *                         knows an answer's {@code messageId}, so more than a few are a script inventing client ids
 */
@ConfigurationProperties("studienlotse.feedback")
public record FeedbackProperties(@DefaultValue("2000") int maxCommentLength,
                                 @DefaultValue({"falsch", "unvollständig", "Quelle passt nicht", "unverständlich",
                                         "Frage nicht verstanden", "hilfreich"}) List<String> reasons,
                                 @DefaultValue("5s") Duration timeout, @DefaultValue("200") int maxPageSize,
                                 @DefaultValue("3") int maxClientsPerMessage, @DefaultValue("30s") Duration retryAfter) {

    public FeedbackProperties {
        reasons = List.copyOf(reasons);
        if (maxClientsPerMessage < 1) {
            throw new IllegalArgumentException("studienlotse.feedback.max-clients-per-message must be at least 1");
        }
    }
}
