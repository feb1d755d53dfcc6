package de.studienlotse.chat;

import static de.studienlotse.chat.R2dbcExchangeLog.utc;

import de.studienlotse.database.Database;
import de.studienlotse.database.SqlDialect;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Conversation memory in table {@code chat_conversation}, so every instance on one database continues every
 * conversation. A conversation is one row holding its messages as LangChain4j JSON, replaced as a whole by one upsert:
 * a write is never partial. Rows idle longer than {@code memory-ttl} are ignored and purged.
 * <p>
 * NOTE: {@link ChatMemoryStore} is blocking, so these methods wait for the database (at most {@code store-timeout})
 * and must not run on an event-loop thread (Reactor refuses to block there); {@link ConversationMemory} calls them on
 * the bounded-elastic scheduler. Two instances writing one conversation at the same moment: the last write wins.
 */
class R2dbcChatMemoryStore implements ChatMemoryStore {

    private final Database database;
    private final SqlDialect dialect;
    private final ChatProperties properties;
    private final Clock clock;

    R2dbcChatMemoryStore(Database database, ChatProperties properties, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return find(memoryId.toString()).blockOptional(properties.storeTimeout()).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        save(memoryId.toString(), messages).block(properties.storeTimeout());
    }

    @Override
    public void deleteMessages(Object memoryId) {
        database.mono(db -> db.sql("DELETE FROM chat_conversation WHERE conversation_id = :id")
                .bind("id", memoryId.toString())
                .then()).block(properties.storeTimeout());
    }

    Mono<List<ChatMessage>> find(String conversationId) {
        return database.mono(db -> db.sql("SELECT messages FROM chat_conversation WHERE conversation_id = :id AND updated_at >= :cutoff")
                .bind("id", conversationId)
                .bind("cutoff", utc(clock.instant().minus(properties.memoryTtl())))
                .map(row -> ChatMessageDeserializer.messagesFromJson(row.get("messages", String.class)))
                .one());
    }

    Mono<Void> save(String conversationId, List<ChatMessage> messages) {
        String sql = switch (dialect) {
            case POSTGRESQL -> """
                    INSERT INTO chat_conversation (conversation_id, messages, updated_at) VALUES (:id, :messages, :updatedAt)
                    ON CONFLICT (conversation_id) DO UPDATE SET messages = EXCLUDED.messages, updated_at = EXCLUDED.updated_at""";
            case H2 -> """
                    MERGE INTO chat_conversation (conversation_id, messages, updated_at) KEY (conversation_id)
                    VALUES (:id, :messages, :updatedAt)""";
        };
        return database.mono(db -> db.sql(sql)
                .bind("id", conversationId)
                .bind("messages", ChatMessageSerializer.messagesToJson(messages))
                .bind("updatedAt", utc(clock.instant()))
                .then());
    }

    /** Deletes conversations idle longer than the TTL; returns how many. */
    Mono<Long> purge() {
        return database.mono(db -> db.sql("DELETE FROM chat_conversation WHERE updated_at < :cutoff")
                .bind("cutoff", utc(clock.instant().minus(properties.memoryTtl())))
                .fetch().rowsUpdated());
    }
}
