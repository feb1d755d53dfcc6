package de.studienlotse.chat;

import static de.studienlotse.chat.R2dbcExchangeLog.utc;

import de.studienlotse.database.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations in table {@code chat_turn}, one row per turn, so every instance on one database continues every
 * conversation and survives restarts. A turn is only ever inserted, never a window rewritten: two instances answering
 * in one conversation at the same moment both keep their turn, and the order is the order of the inserts. Reads take
 * the newest {@code memory-turns} rows; {@link #purge()} deletes expired conversations and the turns beyond the window.
 * Every statement goes through {@link Database}, off the event loop.
 */
class DatabaseConversations implements Conversations {

    private final Database database;
    private final ChatProperties properties;
    private final Clock clock;

    DatabaseConversations(Database database, ChatProperties properties, Clock clock) {
        this.database = database;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Flux<ConversationTurn> turns(String conversationId) {
        // memory-turns is an int from the configuration, never user input: written into the statement, as LIMIT
        // parameters are not portable between the drivers
        String sql = "SELECT question, answer, created_at FROM chat_turn WHERE conversation_id = :id ORDER BY id DESC LIMIT "
                + Math.max(1, properties.memoryTurns());
        return database.flux(db -> db.sql(sql)
                        .bind("id", conversationId)
                        .map(row -> new Stored(new ConversationTurn(row.get("question", String.class), row.get("answer", String.class)),
                                row.get("created_at", OffsetDateTime.class)))
                        .all())
                .collectList()
                // idle means: no turn since the TTL; the older turns of a conversation that goes on stay in its window
                .filter(newestFirst -> !newestFirst.isEmpty() && !newestFirst.getFirst().createdAt().toInstant()
                        .isBefore(clock.instant().minus(properties.memoryTtl())))
                .flatMapIterable(newestFirst -> newestFirst.reversed().stream().map(Stored::turn).toList());
    }

    @Override
    public Mono<Void> append(String conversationId, ConversationTurn turn) {
        return database.mono(db -> db.sql("""
                        INSERT INTO chat_turn (conversation_id, question, answer, created_at)
                        VALUES (:id, :question, :answer, :createdAt)""")
                .bind("id", conversationId)
                .bind("question", turn.question())
                .bind("answer", turn.answer())
                .bind("createdAt", utc(clock.instant()))
                .then());
    }

    /** Deletes the turns of conversations idle longer than the TTL, then the turns beyond the window; returns how many. */
    Mono<Long> purge() {
        Mono<Long> expired = database.mono(db -> db.sql("""
                        DELETE FROM chat_turn WHERE conversation_id IN (
                            SELECT conversation_id FROM chat_turn GROUP BY conversation_id HAVING MAX(created_at) < :cutoff)""")
                .bind("cutoff", utc(clock.instant().minus(properties.memoryTtl())))
                .fetch().rowsUpdated());
        Mono<Long> beyondWindow = database.mono(db -> db.sql("""
                        DELETE FROM chat_turn WHERE id IN (
                            SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY id DESC) AS newer
                                            FROM chat_turn) ranked
                            WHERE newer > :turns)""")
                .bind("turns", (long) Math.max(1, properties.memoryTurns()))
                .fetch().rowsUpdated());
        return expired.flatMap(gone -> beyondWindow.map(trimmed -> gone + trimmed));
    }

    private record Stored(ConversationTurn turn, OffsetDateTime createdAt) {
    }
}
