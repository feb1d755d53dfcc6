package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link CachedConversations}: the conversations of one process, for the privacy switch. */
class CachedConversationsTests extends ConversationsContract {

    final CachedConversations conversations = new CachedConversations(properties(3, 2), time);

    @Override
    Conversations conversations() {
        return conversations;
    }

    @Override
    Conversations otherInstance() {
        return conversations;
    }

    @Test
    void should_keep_at_most_max_conversations() {
        // when: room for two, three begun
        append(conversations, "a", "1", "1");
        append(conversations, "b", "2", "2");
        append(conversations, "c", "3", "3");

        // then
        assertThat(conversations.size()).isEqualTo(2);
    }

    @Test
    void should_count_a_read_as_use_of_a_conversation() {
        // given
        append(conversations, "a", "Frage", "Antwort");
        time.advance(TTL.minusMinutes(10));

        // when: read shortly before it would expire
        assertThat(turns(conversations, "a")).hasSize(1);
        time.advance(TTL.minusMinutes(10));

        // then: expiry after access
        assertThat(turns(conversations, "a")).hasSize(1);
    }
}
