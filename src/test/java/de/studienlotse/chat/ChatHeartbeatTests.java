package de.studienlotse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeModel;
import de.studienlotse.llm.FakeLlmServer.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** A slow model must not let proxies close the answer's connection: the stream sends keep-alive comments meanwhile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"studienlotse.chat.heartbeat=100ms", "studienlotse.llm.api-key=test-key",
                "studienlotse.llm.first-token-timeout=10s", "studienlotse.llm.timeout=20s"})
@AutoConfigureWebTestClient
@FakeModel(value = Protocol.OPENAI, model = "heartbeat-test")
class ChatHeartbeatTests {

    @Autowired
    FakeLlmServer server;

    @Autowired
    WebTestClient web;

    @Test
    void should_send_keep_alive_comments_while_the_model_pauses_and_stop_them_with_done() {
        // given: the model sends a first piece, then pauses until released
        server.answersPromptsContaining(LlmBackendContract.STUDY_QUERY_PROMPT, LlmBackendContract.STUDY_QUERY)
                .streams("Laut B4 war die Datenqualität anfangs gering [1]. ", "Dazu fehlte ein Zeitplan [2].").pausesAfter(1);
        Mono.delay(Duration.ofMillis(700)).subscribe(tick -> server.resume());

        // when
        List<ServerSentEvent<String>> events = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?"))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .getResponseBody().collectList().block(Duration.ofSeconds(30));

        // then: comments while the model paused, and nothing after the answer is done
        assertThat(events).isNotNull();
        assertThat(events).anySatisfy(e -> assertThat(e.comment()).isEqualTo("keep-alive"));
        assertThat(events.getLast().event()).isEqualTo("done");
        assertThat(events.getLast().data()).contains("Zeitplan [2]");
    }
}
