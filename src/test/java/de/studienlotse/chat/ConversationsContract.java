package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.chat.ChatStorageContract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** What every {@link Conversations} keeps: written once, run on the database (H2, PostgreSQL) and on Caffeine. */
abstract class ConversationsContract {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration TTL = Duration.ofHours(2);

    final MovableClock time = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));

    static ChatProperties properties(int memoryTurns, int maxConversations) {
        return new ChatProperties(2000, memoryTurns, TTL, maxConversations, Duration.ofSeconds(15), true, Duration.ofDays(7),
                Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /** The repository under test, with a window of three turns and the test's {@link #time}. */
    abstract Conversations conversations();

    /** The same conversations as another instance of the service sees them (one process: the same repository). */
    abstract Conversations otherInstance();

    List<ConversationTurn> turns(Conversations repository, String conversationId) {
        return repository.turns(conversationId).collectList().block(WAIT);
    }

    void append(Conversations repository, String conversationId, String question, String answer) {
        repository.append(conversationId, new ConversationTurn(question, answer)).block(WAIT);
    }

    @Test
    void should_keep_the_turns_of_a_conversation_oldest_first() {
        // given
        append(conversations(), "c-1", "Wie lange dauerte die Einführung bei B4?", "Neun Monate [1].");

        // when
        append(otherInstance(), "c-1", "Und welche Tipps gibt es dort?", "Klein anfangen [1].");

        // then
        for (Conversations repository : List.of(conversations(), otherInstance())) {
            assertThat(turns(repository, "c-1")).containsExactly(
                    new ConversationTurn("Wie lange dauerte die Einführung bei B4?", "Neun Monate [1]."),
                    new ConversationTurn("Und welche Tipps gibt es dort?", "Klein anfangen [1]."));
        }
    }

    @Test
    void should_know_no_turns_of_a_conversation_never_begun() {
        append(conversations(), "c-1", "Frage", "Antwort");

        assertThat(turns(conversations(), "c-unbekannt")).isEmpty();
    }

    @Test
    void should_keep_the_last_turns_of_a_long_conversation_only() {
        // when: a window of three turns, five asked
        for (int turn = 1; turn <= 5; turn++) {
            append(conversations(), "c-2", "Frage " + turn, "Antwort " + turn);
        }

        // then: a turn is a question with its answer, both stay together
        assertThat(turns(conversations(), "c-2")).extracting(ConversationTurn::question).containsExactly("Frage 3", "Frage 4", "Frage 5");
        assertThat(turns(conversations(), "c-2")).extracting(ConversationTurn::answer).containsExactly("Antwort 3", "Antwort 4", "Antwort 5");
    }

    @Test
    void should_forget_a_conversation_idle_longer_than_the_ttl() {
        // given
        append(conversations(), "c-alt", "alt", "alt");
        time.advance(Duration.ofHours(1));
        append(conversations(), "c-neu", "neu", "neu");

        // when
        time.advance(Duration.ofMinutes(61));

        // then
        assertThat(turns(conversations(), "c-alt")).isEmpty();
        assertThat(turns(conversations(), "c-neu")).hasSize(1);
    }

    @Test
    void should_keep_the_older_turns_of_a_conversation_that_goes_on() {
        // given
        append(conversations(), "c-3", "erste", "1");
        time.advance(Duration.ofMinutes(90));
        append(conversations(), "c-3", "zweite", "2");

        // when: 2.5 h after the first turn, 1 h after the last
        time.advance(Duration.ofMinutes(60));

        // then
        assertThat(turns(conversations(), "c-3")).extracting(ConversationTurn::question).containsExactly("erste", "zweite");
    }

    @Test
    void should_keep_every_turn_two_instances_append_at_the_same_moment() {
        // when: a window large enough for all, appended from two instances at once
        Conversations a = conversations();
        Conversations b = otherInstance();
        Flux.range(1, 3)
                .flatMap(i -> (i % 2 == 0 ? b : a).append("c-4", new ConversationTurn("Frage " + i, "Antwort " + i))
                        .subscribeOn(Schedulers.parallel()))
                .blockLast(WAIT);

        // then: none lost to the other
        assertThat(turns(a, "c-4")).extracting(ConversationTurn::question)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 3).mapToObj(i -> "Frage " + i).toList());
    }

    @Test
    void should_never_block_the_thread_that_asks() {
        // when: subscribed on a non-blocking thread, as a request on Netty's event loop would; BlockHound watches
        conversations().append("c-5", new ConversationTurn("Frage", "Antwort")).subscribeOn(Schedulers.parallel()).block(WAIT);
        List<ConversationTurn> turns = conversations().turns("c-5").subscribeOn(Schedulers.parallel()).collectList().block(WAIT);

        // then
        assertThat(turns).hasSize(1);
    }
}
