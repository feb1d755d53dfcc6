package de.studienlotse.chat;

import de.studienlotse.answer.Turn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The server's memory of conversations by id, behind LangChain4j's {@link ChatMemoryStore}: each conversation is a
 * window of its last messages, so memory stays bounded however long a chat goes on. The store may block (it may be a
 * database), so every call runs on the bounded-elastic scheduler, never on the caller's event-loop thread.
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
    Mono<List<Turn>> turns(String conversationId) {
        return Mono.fromCallable(() -> store.getMessages(conversationId))
                .subscribeOn(Schedulers.boundedElastic())
                .filter(messages -> !messages.isEmpty())
                .map(messages -> messages.stream().map(ConversationMemory::turn).toList());
    }

    /** Adds one question and its answer; the oldest messages drop out beyond {@code memory-turns}. */
    Mono<Void> append(String conversationId, String question, String answer) {
        return Mono.<Void>fromRunnable(() -> {
            MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                    .id(conversationId)
                    .maxMessages(properties.memoryTurns())
                    .chatMemoryStore(store)
                    .build();
            // one read and one write: set() stores the whole window at once
            List<ChatMessage> messages = new ArrayList<>(memory.messages());
            messages.add(UserMessage.from(question));
            messages.add(AiMessage.from(answer));
            memory.set(messages);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Turn turn(ChatMessage message) {
        return message instanceof UserMessage user ? Turn.user(user.singleText()) : Turn.assistant(((AiMessage) message).text());
    }
}
