package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.studienlotse.answer.Citation;
import de.studienlotse.database.Database;
import de.studienlotse.database.TestDatabase;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Conversation memory and exchange log in a real database, written once and run on H2 and PostgreSQL. */
abstract class ChatStorageContract {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final ChatProperties PROPERTIES = new ChatProperties(2000, 20, 20000, 4, Duration.ofHours(2), 10000, Duration.ofSeconds(15), true,
            Duration.ofDays(7), Duration.ofSeconds(5), Duration.ofMinutes(10));
    static final Citation CITATION = new Citation(1, "B4.erfolgsfaktoren.2", "B4", "Kundenberatung", "E-Commerce",
            "KI-Chatbot", "erfolgsfaktoren", "Persönliche Gespräche, Schulungen", "Persönliche Gespräche und Schulungen …");

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    ConnectionPool pool;
    R2dbcChatMemoryStore conversations;
    R2dbcExchangeLog exchanges;

    abstract TestDatabase emptyDatabase();

    @BeforeEach
    void migrateEmptyDatabase() {
        pool = emptyDatabase().migrated().connectionPool();
        Database db = Database.of(pool);
        conversations = new R2dbcChatMemoryStore(db, PROPERTIES, clock);
        exchanges = new R2dbcExchangeLog(db, JsonMapper.builder().build(), PROPERTIES, clock);
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(WAIT);
    }

    /** The blocking store as {@link ConversationMemory} calls it: off the test's thread, on bounded-elastic. */
    private <T> T offEventLoop(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()).block(WAIT);
    }

    @Test
    void should_store_and_replace_a_conversation_as_a_whole() {
        // given
        List<ChatMessage> first = List.of(UserMessage.from("Was kostete die Einführung?"), AiMessage.from("Etwa 5.000 € [1]."));
        List<ChatMessage> second = List.of(UserMessage.from("Und wie lange dauerte sie?"), AiMessage.from("Neun Monate [1]."));

        // when
        offEventLoop(() -> {
            conversations.updateMessages("c-1", first);
            conversations.updateMessages("c-1", second);
            return true;
        });

        // then
        assertThat(offEventLoop(() -> conversations.getMessages("c-1"))).containsExactlyElementsOf(second);
        assertThat(offEventLoop(() -> conversations.getMessages("c-unbekannt"))).isEmpty();
    }

    @Test
    void should_keep_the_last_messages_of_a_long_conversation_only() {
        // given
        ConversationMemory memory = new ConversationMemory(conversations, PROPERTIES);

        // when
        for (int turn = 1; turn <= 3; turn++) {
            memory.append("c-2", "Frage " + turn, "Antwort " + turn).block(WAIT);
        }

        // then
        assertThat(memory.turns("c-2").block(WAIT)).extracting(de.studienlotse.answer.Turn::content)
                .containsExactly("Frage 2", "Antwort 2", "Frage 3", "Antwort 3");
    }

    @Test
    void should_ignore_and_purge_conversations_idle_longer_than_the_ttl() {
        // given
        offEventLoop(() -> {
            conversations.updateMessages("c-alt", List.of(UserMessage.from("alt")));
            return true;
        });
        clock.advance(Duration.ofHours(1));
        offEventLoop(() -> {
            conversations.updateMessages("c-neu", List.of(UserMessage.from("neu")));
            return true;
        });

        // when
        clock.advance(Duration.ofMinutes(61));

        // then
        assertThat(offEventLoop(() -> conversations.getMessages("c-alt"))).isEmpty();
        assertThat(offEventLoop(() -> conversations.getMessages("c-neu"))).hasSize(1);
        assertThat(conversations.purge().block(WAIT)).isEqualTo(1L);
        assertThat(count("chat_conversation")).isEqualTo(1L);
    }

    @Test
    void should_delete_a_conversation() {
        // given
        offEventLoop(() -> {
            conversations.updateMessages("c-3", List.of(UserMessage.from("Hallo")));
            conversations.deleteMessages("c-3");
            return true;
        });

        // then
        assertThat(count("chat_conversation")).isZero();
    }

    @Test
    void should_refuse_to_block_an_event_loop_thread() {
        // when / then: Reactor forbids block() on non-blocking threads such as Netty's event loop
        assertThatThrownBy(() -> Mono.fromCallable(() -> conversations.getMessages("c-4"))
                .subscribeOn(Schedulers.parallel()).block(WAIT))
                .hasMessageContaining("block");
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

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

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
    }
}
