package de.studienlotse.chat;

import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /** In-process memory unless a database-backed store is configured. */
    @Bean
    @ConditionalOnMissingBean(ChatMemoryStore.class)
    ChatMemoryStore conversationStore(ChatProperties properties) {
        return new InMemoryConversationStore(properties, Clock.systemUTC());
    }
}
