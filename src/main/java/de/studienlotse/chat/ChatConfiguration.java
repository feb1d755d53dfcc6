package de.studienlotse.chat;

import com.github.benmanes.caffeine.cache.Ticker;
import de.studienlotse.database.Database;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where conversations and answers are kept: in the database (default, shared by every instance on it), or, with the
 * privacy switch {@code studienlotse.chat.store-conversations=false}, only in this process's memory.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    static final String STORE_CONVERSATIONS = "studienlotse.chat.store-conversations";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = STORE_CONVERSATIONS, matchIfMissing = true)
    static class Stored {

        @Bean
        DatabaseConversations conversations(Database database, ChatProperties properties) {
            return new DatabaseConversations(database, properties, Clock.systemUTC());
        }

        @Bean
        R2dbcExchangeLog exchangeLog(Database database, JsonMapper json, ChatProperties properties) {
            return new R2dbcExchangeLog(database, json, properties, Clock.systemUTC());
        }

        @Bean
        ChatHousekeeping chatHousekeeping(DatabaseConversations conversations, R2dbcExchangeLog exchanges,
                                          ChatProperties properties) {
            return new ChatHousekeeping(conversations, exchanges, properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = STORE_CONVERSATIONS, havingValue = false)
    static class InMemory {

        @Bean
        Conversations conversations(ChatProperties properties) {
            return new CachedConversations(properties, Ticker.systemTicker());
        }

        @Bean
        ExchangeLog exchangeLog(ChatProperties properties) {
            return new InMemoryExchangeLog(properties, Clock.systemUTC());
        }
    }
}
