package de.studienlotse.chat;

import static de.studienlotse.database.Database.instant;
import static de.studienlotse.database.Database.utc;

import de.studienlotse.answer.Citation;
import de.studienlotse.database.Database;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The exchange log in table {@code chat_exchange}; rows older than the retention are ignored and purged. */
class R2dbcExchangeLog implements ExchangeLog {

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() { };

    private final Database database;
    private final JsonMapper json;
    private final ChatProperties properties;
    private final Clock clock;

    R2dbcExchangeLog(Database database, JsonMapper json, ChatProperties properties, Clock clock) {
        this.database = database;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> record(Exchange exchange) {
        return database.mono(db -> db.sql("""
                        INSERT INTO chat_exchange (message_id, conversation_id, question, answer, citations, backend, created_at)
                        VALUES (:messageId, :conversationId, :question, :answer, :citations, :backend, :createdAt)""")
                .bind("messageId", exchange.messageId())
                .bind("conversationId", exchange.conversationId())
                .bind("question", exchange.question())
                .bind("answer", exchange.answer())
                .bind("citations", json.writeValueAsString(exchange.citations()))
                .bind("backend", exchange.backend())
                .bind("createdAt", utc(exchange.createdAt()))
                .then());
    }

    @Override
    public Mono<Exchange> find(String messageId) {
        return database.mono(db -> db.sql("""
                        SELECT message_id, conversation_id, question, answer, citations, backend, created_at
                        FROM chat_exchange WHERE message_id = :messageId AND created_at >= :cutoff""")
                .bind("messageId", messageId)
                .bind("cutoff", utc(clock.instant().minus(properties.exchangeRetention())))
                .map(row -> new Exchange(row.get("message_id", String.class), row.get("conversation_id", String.class),
                        row.get("question", String.class), row.get("answer", String.class),
                        json.readValue(row.get("citations", String.class), CITATIONS), row.get("backend", String.class),
                        instant(row, "created_at")))
                .one());
    }

    /** Deletes answers older than the retention; returns how many. */
    Mono<Long> purge() {
        return database.mono(db -> db.sql("DELETE FROM chat_exchange WHERE created_at < :cutoff")
                .bind("cutoff", utc(clock.instant().minus(properties.exchangeRetention())))
                .fetch().rowsUpdated());
    }
}
