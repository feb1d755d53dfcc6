package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.Database;
import de.studienlotse.database.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@link DatabaseConversations} on a real, migrated database: two repositories on two connection pools stand for two
 * instances of the service on one database.
 */
abstract class DatabaseConversationsContract extends ConversationsContract {

    ConnectionPool pool;
    ConnectionPool otherPool;
    DatabaseConversations conversations;
    DatabaseConversations otherInstance;

    abstract TestDatabase emptyDatabase();

    @BeforeEach
    void migrateEmptyDatabase() {
        TestDatabase database = emptyDatabase().migrated();
        pool = database.connectionPool();
        otherPool = database.connectionPool();
        conversations = new DatabaseConversations(Database.of(pool), properties(3, 1), time);
        otherInstance = new DatabaseConversations(Database.of(otherPool), properties(3, 1), time);
    }

    @AfterEach
    void closePools() {
        pool.disposeLater().block(WAIT);
        otherPool.disposeLater().block(WAIT);
    }

    @Override
    Conversations conversations() {
        return conversations;
    }

    @Override
    Conversations otherInstance() {
        return otherInstance;
    }

    @Test
    void should_keep_all_of_twenty_turns_appended_at_once_from_two_instances() {
        // given: a window that holds them all
        DatabaseConversations a = new DatabaseConversations(Database.of(pool), properties(50, 1), time);
        DatabaseConversations b = new DatabaseConversations(Database.of(otherPool), properties(50, 1), time);

        // when
        Flux.range(1, 20)
                .flatMap(i -> (i % 2 == 0 ? b : a).append("c-viele", new ConversationTurn("Frage " + i, "Antwort " + i))
                        .subscribeOn(Schedulers.parallel()))
                .blockLast(WAIT);

        // then
        assertThat(turns(b, "c-viele")).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void should_purge_expired_conversations_and_turns_beyond_the_window() {
        // given: one conversation expires, one has five turns in a window of three
        append(conversations, "c-alt", "alt", "alt");
        time.advance(Duration.ofHours(1));
        for (int turn = 1; turn <= 5; turn++) {
            append(conversations, "c-lang", "Frage " + turn, "Antwort " + turn);
        }
        time.advance(Duration.ofMinutes(61));

        // when
        Long deleted = conversations.purge().block(WAIT);

        // then
        assertThat(deleted).isEqualTo(3L);
        assertThat(questions()).containsExactlyInAnyOrder("Frage 3", "Frage 4", "Frage 5");
        assertThat(turns(conversations, "c-lang")).extracting(ConversationTurn::question).containsExactly("Frage 3", "Frage 4", "Frage 5");
        assertThat(conversations.purge().block(WAIT)).as("a second round finds nothing").isZero();
    }

    private List<String> questions() {
        return DatabaseClient.create(pool).sql("SELECT question FROM chat_turn").map(row -> row.get("question", String.class))
                .all().collectList().block(WAIT);
    }
}
