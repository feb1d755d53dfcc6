package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTests {

    MutableClock clock = new MutableClock();
    ChatProperties properties = new ChatProperties(2000, 20, 20000, 20, Duration.ofMinutes(30), 2, Duration.ofSeconds(15), false,
            Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofMinutes(10));
    InMemoryConversationStore store = new InMemoryConversationStore(properties, clock);

    @Test
    void should_forget_a_conversation_after_its_idle_time() {
        store.updateMessages("a", List.of(UserMessage.from("Frage")));

        clock.advance(Duration.ofMinutes(31));

        assertThat(store.getMessages("a")).isEmpty();
    }

    @Test
    void should_keep_a_conversation_that_goes_on() {
        store.updateMessages("a", List.of(UserMessage.from("Frage")));
        clock.advance(Duration.ofMinutes(20));
        store.updateMessages("a", List.of(UserMessage.from("Frage"), UserMessage.from("Noch eine")));
        clock.advance(Duration.ofMinutes(20));

        assertThat(store.getMessages("a")).hasSize(2);
    }

    @Test
    void should_drop_the_least_recently_used_conversation_beyond_the_limit() {
        store.updateMessages("a", List.of(UserMessage.from("1")));
        store.updateMessages("b", List.of(UserMessage.from("2")));
        store.getMessages("a");
        store.updateMessages("c", List.of(UserMessage.from("3")));

        assertThat(store.getMessages("b")).isEmpty();
        assertThat(store.getMessages("a")).hasSize(1);
        assertThat(store.getMessages("c")).hasSize(1);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
