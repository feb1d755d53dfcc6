package de.studienlotse.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversation memory in this process: bounded in conversations (least recently used dropped) and expiring after the
 * configured idle time. Keeps only the messages' text and when they were last touched.
 */
class InMemoryConversationStore implements ChatMemoryStore {

    private final ChatProperties properties;
    private final Clock clock;
    private final Map<Object, Entry> conversations = new LinkedHashMap<>(16, 0.75f, true);

    InMemoryConversationStore(ChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized List<ChatMessage> getMessages(Object memoryId) {
        Entry entry = conversations.get(memoryId);
        if (entry == null || expired(entry)) {
            conversations.remove(memoryId);
            return List.of();
        }
        return entry.messages();
    }

    @Override
    public synchronized void updateMessages(Object memoryId, List<ChatMessage> messages) {
        conversations.put(memoryId, new Entry(List.copyOf(messages), clock.instant()));
        conversations.values().removeIf(this::expired);
        while (conversations.size() > properties.maxConversations()) {
            conversations.remove(conversations.keySet().iterator().next());
        }
    }

    @Override
    public synchronized void deleteMessages(Object memoryId) {
        conversations.remove(memoryId);
    }

    private boolean expired(Entry entry) {
        return entry.touched().plus(properties.memoryTtl()).isBefore(clock.instant());
    }

    private record Entry(List<ChatMessage> messages, Instant touched) {
    }
}
