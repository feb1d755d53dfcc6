package de.studienlotse.chat;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The server's conversations by id: the one source of truth for what a follow-up refers to (clients send only the
 * {@code conversationId}). A conversation exists from its first turn on and is a window of its last
 * {@code memory-turns} turns; it is forgotten after {@code memory-ttl} without a new turn. In the database by default
 * ({@link DatabaseConversations}, shared by every instance on it), in this process's memory with the privacy switch
 * ({@link CachedConversations}).
 */
interface Conversations {

    /** The conversation's last turns, oldest first; none if the id is unknown or the conversation expired. */
    Flux<ConversationTurn> turns(String conversationId);

    /** Adds one turn after the others; a turn another instance adds at the same moment is kept too. */
    Mono<Void> append(String conversationId, ConversationTurn turn);
}
