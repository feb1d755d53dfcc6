package de.studienlotse.chat;

import java.util.List;

/**
 * A question to the chat as the client sends it; checked by {@link ChatController}, so its messages can be German.
 *
 * @param conversationId continue this conversation (the server remembers it for a while), or {@code null} for a new one
 * @param history        earlier turns sent by the client; when present they replace the server's memory
 * @param filters        restrict the answer to one Tätigkeit or case
 * @param fresh          read the question on its own, not as a follow-up of the conversation's earlier turns (which
 *                       it still joins); {@code null} means false
 */
public record ChatRequest(String message, String conversationId, List<HistoryTurn> history, Filters filters,
                          Boolean fresh) {

    public ChatRequest(String message, String conversationId, List<HistoryTurn> history, Filters filters) {
        this(message, conversationId, history, filters, null);
    }

    public record HistoryTurn(String role, String content) {
    }

    public record Filters(String taetigkeit, String caseId) {
    }
}
