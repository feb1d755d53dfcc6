package de.studienlotse.feedback;

import static de.studienlotse.database.Database.instant;
import static de.studienlotse.database.Database.utc;

import de.studienlotse.answer.Citation;
import de.studienlotse.database.Database;
import de.studienlotse.database.SqlDialect;
import io.r2dbc.spi.Readable;
import java.util.List;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ratings in table {@code feedback}, one row per message and client. Saving is one upsert statement, so a rating is
 * stored whole or not at all, and a second rating of the same client replaces the first; the clients of one message
 * are capped ({@link #save(Feedback, int)}).
 */
@Repository
class FeedbackRepository {

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = """
            message_id, client_id, rating, reasons, comment_text, conversation_id, question, answer, citations, backend,
            answered_at, created_at, updated_at""";
    private static final String VALUES = """
            :messageId, :clientId, :rating, :reasons, :comment, :conversationId, :question, :answer, :citations, :backend,
            :answeredAt, :createdAt, :updatedAt""";

    /** First key of this repository's advisory locks, so that they meet no other lock on the database. */
    private static final int LOCK_CLASS = 0x5f1d;

    private final Database database;
    private final JsonMapper json;
    private final TransactionalOperator transactions;

    FeedbackRepository(Database database, JsonMapper json) {
        this.database = database;
        this.json = json;
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(database.connectionFactory()));
    }

    /** A message already rated by as many other clients as one message may have. */
    static final class TooManyRatingsException extends RuntimeException {

        final int maxClients;

        TooManyRatingsException(int maxClients) {
            super("message already rated by " + maxClients + " other clients");
            this.maxClients = maxClients;
        }
    }

    /** {@link #save(Feedback, int)} without a cap on the clients of one message. */
    Mono<Feedback> save(Feedback feedback) {
        return upsert(feedback);
    }

    /**
     * Stores a rating, or replaces this client's earlier rating of the message (its rating, reasons and comment; the
     * answer's copy and {@code createdAt} stay). Returns the rating as stored; {@link TooManyRatingsException} when
     * {@code maxClients} other clients have rated the message already, each row being a copy of the whole answer.
     * <p>
     * Count and write are one transaction. On PostgreSQL a lock per message (held to the end of the transaction)
     * makes the count exact across instances; H2 serves one process, where only ratings of one message arriving in
     * the same instant could pass the count together.
     */
    Mono<Feedback> save(Feedback feedback, int maxClients) {
        Mono<Void> lock = database.dialect() == SqlDialect.POSTGRESQL
                ? database.mono(db -> db.sql("SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:messageId))")
                        .bind("messageId", feedback.messageId()).then())
                : Mono.empty();
        Mono<Long> otherClients = database.mono(db -> db.sql(
                        "SELECT COUNT(*) AS n FROM feedback WHERE message_id = :messageId AND client_id <> :clientId")
                .bind("messageId", feedback.messageId())
                .bind("clientId", feedback.clientId())
                .map(row -> row.get("n", Long.class))
                .one());
        return lock.then(otherClients)
                .flatMap(others -> others >= maxClients ? Mono.error(new TooManyRatingsException(maxClients)) : upsert(feedback))
                .as(transactions::transactional);
    }

    private Mono<Feedback> upsert(Feedback feedback) {
        String sql = switch (database.dialect()) {
            case POSTGRESQL -> "INSERT INTO feedback (" + COLUMNS + ") VALUES (" + VALUES + """
                    )
                    ON CONFLICT (message_id, client_id) DO UPDATE SET rating = EXCLUDED.rating, reasons = EXCLUDED.reasons,
                        comment_text = EXCLUDED.comment_text, updated_at = EXCLUDED.updated_at""";
            case H2 -> """
                    MERGE INTO feedback f
                    USING (SELECT CAST(:messageId AS VARCHAR(64)) AS message_id, CAST(:clientId AS VARCHAR(100)) AS client_id) k
                    ON f.message_id = k.message_id AND f.client_id = k.client_id
                    WHEN MATCHED THEN UPDATE SET rating = :rating, reasons = :reasons, comment_text = :comment,
                        updated_at = :updatedAt
                    WHEN NOT MATCHED THEN INSERT (""" + COLUMNS + ") VALUES (" + VALUES + ")";
        };
        return database.mono(db -> {
            GenericExecuteSpec insert = db.sql(sql)
                .bind("messageId", feedback.messageId())
                .bind("clientId", feedback.clientId())
                .bind("rating", feedback.rating().value())
                .bind("reasons", json.writeValueAsString(feedback.reasons()))
                .bind("conversationId", feedback.conversationId())
                .bind("question", feedback.question())
                .bind("answer", feedback.answer())
                .bind("citations", json.writeValueAsString(feedback.citations()))
                .bind("backend", feedback.backend())
                .bind("answeredAt", utc(feedback.answeredAt()))
                .bind("createdAt", utc(feedback.createdAt()))
                .bind("updatedAt", utc(feedback.updatedAt()));
            return (feedback.comment() == null ? insert.bindNull("comment", String.class) : insert.bind("comment", feedback.comment()))
                    .then();
        }).then(find(feedback.messageId(), feedback.clientId()));
    }

    Mono<Feedback> find(String messageId, String clientId) {
        return database.mono(db -> db.sql("SELECT " + COLUMNS + " FROM feedback WHERE message_id = :messageId AND client_id = :clientId")
                .bind("messageId", messageId)
                .bind("clientId", clientId)
                .map(this::feedback)
                .one());
    }

    /** One page of the ratings {@code filter} selects, the latest first. */
    Flux<Feedback> find(FeedbackFilter filter, long offset, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM feedback" + where(filter)
                + " ORDER BY updated_at DESC, message_id, client_id LIMIT :limit OFFSET :offset";
        return database.flux(db -> bind(db.sql(sql), filter).bind("limit", limit).bind("offset", offset).map(this::feedback).all());
    }

    /** All ratings {@code filter} selects, the latest first, read as they are sent (for exports). */
    Flux<Feedback> findAll(FeedbackFilter filter) {
        String sql = "SELECT " + COLUMNS + " FROM feedback" + where(filter) + " ORDER BY updated_at DESC, message_id, client_id";
        return database.flux(db -> bind(db.sql(sql), filter).map(this::feedback).all());
    }

    Mono<Long> count(FeedbackFilter filter) {
        return database.mono(db -> bind(db.sql("SELECT COUNT(*) AS n FROM feedback" + where(filter)), filter)
                .map(row -> row.get("n", Long.class))
                .one());
    }

    private static String where(FeedbackFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.rating() != null) {
            where.append(" AND rating = :rating");
        }
        if (filter.from() != null) {
            where.append(" AND updated_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" AND updated_at < :to");
        }
        return where.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, FeedbackFilter filter) {
        if (filter.rating() != null) {
            spec = spec.bind("rating", filter.rating().value());
        }
        if (filter.from() != null) {
            spec = spec.bind("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            spec = spec.bind("to", utc(filter.to()));
        }
        return spec;
    }

    private Feedback feedback(Readable row) {
        return new Feedback(row.get("message_id", String.class), row.get("client_id", String.class),
                Rating.parse(row.get("rating", String.class)).orElseThrow(),
                json.readValue(row.get("reasons", String.class), STRINGS), row.get("comment_text", String.class),
                row.get("conversation_id", String.class), row.get("question", String.class), row.get("answer", String.class),
                json.readValue(row.get("citations", String.class), CITATIONS), row.get("backend", String.class),
                instant(row, "answered_at"), instant(row, "created_at"), instant(row, "updated_at"));
    }
}
