package de.studienlotse.chat;

import java.util.List;

/**
 * A question to the chat as the client sends it; checked by {@link ChatController}, so its messages can be German.
 *
 * @param conversationId continue this conversation (the server remembers it for a while), or {@code null} for a new one
 * @param history        earlier turns sent by the client; when present they replace the server's memory
 * @param filters        restrict the answer to one Tätigkeit or case
 */
public record ChatRequest(String message, String conversationId, List<HistoryTurn> history, Filters filters) {

    public record HistoryTurn(String role, String content) {
    }

    public record Filters(String taetigkeit, String caseId) {
    }
}
