package de.studienlotse.chat;

import de.studienlotse.answer.Citation;
import java.time.Instant;
import java.util.List;

/**
 * One answered question as the user saw it: what feedback on {@code messageId} refers to.
 *
 * @param backend   who wrote the answer ("extractive", "openai:gpt-4o-mini", ...)
 * @param createdAt when the answer was finished
 */
public record Exchange(String messageId, String conversationId, String question, String answer, List<Citation> citations,
                       String backend, Instant createdAt) {

    public Exchange {
        if (messageId == null || messageId.isBlank()) throw new IllegalArgumentException("messageId must not be blank");
        if (conversationId == null || conversationId.isBlank()) throw new IllegalArgumentException("conversationId must not be blank");
        if (question == null) throw new IllegalArgumentException("question must not be null");
        if (answer == null) throw new IllegalArgumentException("answer must not be null");
        if (createdAt == null) throw new IllegalArgumentException("createdAt must not be null");
        citations = citations == null ? List.of() : List.copyOf(citations);
        backend = backend == null ? "" : backend;
    }
}
