package de.studienlotse.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A question to the chat as the client sends it; checked by {@link ChatController}, so its messages can be German. The
 * server keeps the conversation: a client sends its id, never the turns before.
 *
 * @param conversationId continue this conversation (the server remembers it for a while), or {@code null} for a new one
 * @param filters        restrict the answer to one Tätigkeit or case
 * @param fresh          read the question on its own, not as a follow-up of the conversation's earlier turns (which
 *                       it still joins); {@code null} means false
 * @param retiredHistory the former field {@code history}, no part of the contract: read only to refuse a request that
 *                       still sends it, instead of ignoring it silently
 */
public record ChatRequest(String message, String conversationId, Filters filters, Boolean fresh,
                          @JsonProperty("history") @Schema(hidden = true) Object retiredHistory) {

    public ChatRequest(String message, String conversationId, Filters filters, Boolean fresh) {
        this(message, conversationId, filters, fresh, null);
    }

    public record Filters(String taetigkeit, String caseId) {
    }
}
