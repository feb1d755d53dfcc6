package de.studienlotse.chat;

import de.studienlotse.answer.Turn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The server's memory of conversations by id, behind LangChain4j's {@link ChatMemoryStore}: each conversation is a
 * window of its last turns, so memory stays bounded however long a chat goes on.
 */
@Component
class ConversationMemory {

    private final ChatMemoryStore store;
    private final ChatProperties properties;

    ConversationMemory(ChatMemoryStore store, ChatProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The turns of a known conversation; empty if the id is unknown or expired. */
    Optional<List<Turn>> turns(String conversationId) {
        List<ChatMessage> messages = store.getMessages(conversationId);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(messages.stream().map(ConversationMemory::turn).toList());
    }

    void append(String conversationId, String question, String answer) {
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .id(conversationId)
                .maxMessages(properties.memoryTurns())
                .chatMemoryStore(store)
                .build();
        memory.add(UserMessage.from(question));
        memory.add(AiMessage.from(answer));
    }

    private static Turn turn(ChatMessage message) {
        return message instanceof UserMessage user ? Turn.user(user.singleText()) : Turn.assistant(((AiMessage) message).text());
    }
}
