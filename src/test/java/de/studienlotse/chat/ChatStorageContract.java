package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import de.studienlotse.answer.Citation;
import de.studienlotse.database.Database;
import de.studienlotse.database.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/** The exchange log in a real database, written once and run on H2 and PostgreSQL ({@link DatabaseConversationsContract}: the conversations). */
abstract class ChatStorageContract {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final ChatProperties PROPERTIES = new ChatProperties(2000, 4, Duration.ofHours(2), 10000, Duration.ofSeconds(15), true,
            Duration.ofDays(7), Duration.ofSeconds(5), Duration.ofMinutes(10));
    static final Citation CITATION = new Citation(1, "B4.erfolgsfaktoren.2", "B4", "Kundenberatung", "E-Commerce",
            "KI-Chatbot", "erfolgsfaktoren", "Persönliche Gespräche, Schulungen", "Persönliche Gespräche und Schulungen …");

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    ConnectionPool pool;
    DatabaseConversations conversations;
    R2dbcExchangeLog exchanges;

    abstract TestDatabase emptyDatabase();

    @BeforeEach
    void migrateEmptyDatabase() {
        pool = emptyDatabase().migrated().connectionPool();
        Database db = Database.of(pool);
        conversations = new DatabaseConversations(db, PROPERTIES, clock);
        exchanges = new R2dbcExchangeLog(db, JsonMapper.builder().build(), PROPERTIES, clock);
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(WAIT);
    }

    @Test
    void should_record_and_find_an_exchange_with_its_citations() {
        // given
        Exchange exchange = new Exchange("m-1", "c-1", "Welche Erfolgsfaktoren nennt B4?", "Gespräche und Schulungen [1].",
                List.of(CITATION), "extractive", clock.instant());

        // when
        exchanges.record(exchange).block(WAIT);

        // then
        assertThat(exchanges.find("m-1").block(WAIT)).isEqualTo(exchange);
        assertThat(exchanges.find("m-unbekannt").block(WAIT)).isNull();
    }

    @Test
    void should_refuse_a_second_exchange_with_the_same_message_id() {
        // given
        Exchange exchange = new Exchange("m-2", "c-1", "Frage", "Antwort", List.of(), "extractive", clock.instant());
        exchanges.record(exchange).block(WAIT);

        // when / then
        assertThatThrownBy(() -> exchanges.record(exchange).block(WAIT)).isNotNull();
        assertThat(count("chat_exchange")).isEqualTo(1L);
    }

    @Test
    void should_forget_exchanges_after_the_retention() {
        // given
        exchanges.record(new Exchange("m-alt", "c-1", "Frage", "Antwort", List.of(), "extractive", clock.instant())).block(WAIT);
        clock.advance(Duration.ofDays(6));
        exchanges.record(new Exchange("m-neu", "c-1", "Frage", "Antwort", List.of(), "extractive", clock.instant())).block(WAIT);

        // when
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        // then
        assertThat(exchanges.find("m-alt").block(WAIT)).isNull();
        assertThat(exchanges.find("m-neu").block(WAIT)).isNotNull();
        assertThat(exchanges.purge().block(WAIT)).isEqualTo(1L);
        assertThat(new ChatHousekeeping(conversations, exchanges, PROPERTIES).purge().block(WAIT)).isNull();
        assertThat(count("chat_exchange")).isEqualTo(1L);
    }

    private long count(String table) {
        return DatabaseClient.create(pool).sql("SELECT COUNT(*) AS n FROM " + table).map(row -> row.get("n", Long.class))
                .one().block(WAIT);
    }

    /** A clock the test moves forward; also Caffeine's ticker. */
    static final class MovableClock extends Clock implements Ticker {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long read() {
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    }
}
