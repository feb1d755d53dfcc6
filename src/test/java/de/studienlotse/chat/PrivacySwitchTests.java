package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code studienlotse.chat.store-conversations=false}: conversations live in this process only; nothing of them is
 * written, except the one answer a user chooses to rate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "studienlotse.chat.store-conversations=false")
@AutoConfigureWebTestClient
class PrivacySwitchTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    Conversations conversations;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().register(registry);
    }

    @Test
    void should_write_nothing_of_a_conversation_and_only_the_rated_answer() {
        // given
        ChatResponse first = ask(Map.of("message", "Wie lange hat die Einführung beim E-Commerce-Unternehmen gedauert?"));
        ChatResponse second = ask(Map.of("message", "Und welche Herausforderungen gab es dabei?", "conversationId", first.conversationId()));

        // when
        web.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", first.messageId(), "rating", "up"))
                .exchange().expectStatus().isOk();

        // then
        assertThat(conversations).isInstanceOf(CachedConversations.class);
        assertThat(second.followUp()).as("the follow-up is read with the turn before, kept in memory").isTrue();
        assertThat(count("chat_turn")).isZero();
        assertThat(count("chat_exchange")).isZero();
        assertThat(count("feedback")).isEqualTo(1L);
    }

    private ChatResponse ask(Map<String, Object> body) {
        return web.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
    }

    private long count(String table) {
        return db.sql("SELECT COUNT(*) AS n FROM " + table).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }
}
