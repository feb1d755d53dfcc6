package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.RunningService;
import de.studienlotse.answer.Citation;
import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Two instances behind a load balancer share one PostgreSQL: either continues any conversation, reading its turns
 * from the database (the client sends only the conversation's id).
 */
@PostgresTest
class ConversationAcrossInstancesPostgresTests {

    @Test
    void should_continue_one_conversation_across_two_instances_on_one_postgresql() {
        // given: two instances on one database, the conversation begun on the first
        TestDatabase database = TestDatabases.postgres();
        try (RunningService a = RunningService.start(database.properties());
             RunningService b = RunningService.start(database.properties())) {
            ChatResponse first = ask(a, "Welche Herausforderungen hatte das Logistikunternehmen?", null);
            assertThat(first.citations()).extracting(Citation::caseId).containsOnly("B5");

            // when: the follow-up names no case and reaches the second
            ChatResponse second = ask(b, "Und wie lange hat das gedauert?", first.conversationId());
            ChatResponse third = ask(a, "Welche Tipps gab es dort?", first.conversationId());

            // then: the second instance read the first turn and answered about the same case
            assertThat(second.followUp()).isTrue();
            assertThat(second.answer()).contains("3-4 Monate");
            assertThat(second.citations()).extracting(Citation::caseId).containsOnly("B5");
            assertThat(third.followUp()).isTrue();
            assertThat(third.citations()).extracting(Citation::caseId).containsOnly("B5");
            assertThat(List.of(second.conversationId(), third.conversationId())).containsOnly(first.conversationId());
            for (RunningService instance : List.of(a, b)) {
                List<ConversationTurn> turns = instance.bean(Conversations.class).turns(first.conversationId())
                        .collectList().block(Duration.ofSeconds(10));
                assertThat(turns).containsExactly(
                        new ConversationTurn("Welche Herausforderungen hatte das Logistikunternehmen?", first.answer()),
                        new ConversationTurn("Und wie lange hat das gedauert?", second.answer()),
                        new ConversationTurn("Welche Tipps gab es dort?", third.answer()));
            }
            b.client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("messageId", first.messageId(), "rating", "up"))
                    .exchange()
                    .expectStatus().isOk(); // B rates an answer A gave
        }
    }

    private static ChatResponse ask(RunningService instance, String question, String conversationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return instance.client().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ChatResponse.class).returnResult().getResponseBody();
    }
}
