package de.studienlotse.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Earlier turns put straight into the running server's store of conversations, as no client can send them any more:
 * how a test asks a follow-up of a conversation it did not have (no model call for the planted turns).
 */
final class PlantedConversation {

    private PlantedConversation() {
    }

    /** A new conversation holding {@code turns}; its id, for the request's {@code conversationId}. */
    static String plant(Conversations conversations, List<ConversationTurn> turns) {
        String conversationId = UUID.randomUUID().toString();
        for (ConversationTurn turn : turns) {
            conversations.append(conversationId, turn).block(Duration.ofSeconds(10));
        }
        return conversationId;
    }
}
