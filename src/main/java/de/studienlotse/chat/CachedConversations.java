package de.studienlotse.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations in this process only, for {@code studienlotse.chat.store-conversations=false}: nothing is written, and a
 * restart or another instance does not know them. Caffeine bounds them: at most {@code max-conversations} (the least
 * recently used go first) and forgotten {@code memory-ttl} after they were last read or continued. An append replaces
 * the conversation's window atomically per id, so two answers at the same moment both keep their turn.
 */
class CachedConversations implements Conversations {

    private final Cache<String, List<ConversationTurn>> conversations;
    private final int window;

    CachedConversations(ChatProperties properties, Ticker ticker) {
        this.conversations = Caffeine.newBuilder()
                .maximumSize(properties.maxConversations())
                .expireAfterAccess(properties.memoryTtl())
                .ticker(ticker)
                .build();
        this.window = Math.max(1, properties.memoryTurns());
    }

    @Override
    public Flux<ConversationTurn> turns(String conversationId) {
        return Flux.defer(() -> {
            List<ConversationTurn> turns = conversations.getIfPresent(conversationId);
            return turns == null ? Flux.empty() : Flux.fromIterable(turns);
        });
    }

    @Override
    public Mono<Void> append(String conversationId, ConversationTurn turn) {
        return Mono.fromRunnable(() -> conversations.asMap().compute(conversationId, (id, turns) -> {
            List<ConversationTurn> longer = new ArrayList<>(turns == null ? List.of() : turns);
            longer.add(turn);
            return List.copyOf(longer.subList(Math.max(0, longer.size() - window), longer.size()));
        }));
    }

    /** How many conversations are kept, once pending evictions have run. */
    long size() {
        conversations.cleanUp();
        return conversations.estimatedSize();
    }
}
