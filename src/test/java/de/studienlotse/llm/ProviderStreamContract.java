package de.studienlotse.llm;

import static de.studienlotse.llm.FakeLlmServer.numberedChunks;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * What every provider's client must do through {@link ModelStream}, against a fake server speaking its wire protocol:
 * the model is built by {@link LlmConfiguration#create}, exactly as the service builds it.
 */
abstract class ProviderStreamContract {

    static final String API_KEY = "sk-test-4f1c9a27e0b3d6";
    static final Duration FIRST_TOKEN_TIMEOUT = Duration.ofMillis(300);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration VERIFY_LIMIT = Duration.ofSeconds(5);

    static final List<ChatMessage> QUESTION = List.of(
            SystemMessage.from("Antworte nur aus der Studie und nenne die Quelle."),
            UserMessage.from("Welche Erfolgsfaktoren nennt die Studie für KMU?"));

    FakeLlmServer server;

    abstract Protocol protocol();

    /** The provider's properties, pointed at the fake server. */
    abstract LlmProperties properties(String baseUrl, Duration firstTokenTimeout, Duration timeout);

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start(protocol());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    StreamingChatModel model(Duration firstTokenTimeout, Duration timeout) {
        return LlmConfiguration.create(properties(server.baseUrl(), firstTokenTimeout, timeout)).model().orElseThrow();
    }

    StreamingChatModel model() {
        return model(FIRST_TOKEN_TIMEOUT, TIMEOUT);
    }

    /** Patient enough for a cold JVM on two cores; the time-out tests build their own with short limits. */
    static ModelStream modelStream() {
        return new ModelStream(TIMEOUT, TIMEOUT);
    }

    /** The provider's own way of sending the key, or none where none is configured. */
    abstract void assertAuthenticated(RecordedRequest request);

    /** The sampling temperature as the provider's request carries it. */
    double temperatureOf(JsonNode body) {
        return body.path("temperature").asDouble();
    }

    /** The messages as "role: text", the system prompt first, as the provider's request carries them. */
    List<String> messagesOf(JsonNode body) {
        List<String> messages = new ArrayList<>();
        body.path("messages").forEach(m -> messages.add(m.path("role").asString() + ": " + m.path("content").asString()));
        return messages;
    }

    @Test
    void should_send_model_messages_options_and_stream_flag() {
        // given
        server.streams("Hallo");

        // when
        modelStream().stream(model(), QUESTION).blockLast(VERIFY_LIMIT);

        // then
        RecordedRequest request = server.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(protocol().chatPath());
        assertAuthenticated(request);
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo(properties(server.baseUrl(), TIMEOUT, TIMEOUT).model());
        assertThat(body.path("stream").booleanValue()).isTrue();
        assertThat(temperatureOf(body)).isEqualTo(0.1);
        assertThat(maxTokensOf(body)).isEqualTo(1024);
        assertThat(messagesOf(body)).containsExactly(
                "system: Antworte nur aus der Studie und nenne die Quelle.",
                "user: Welche Erfolgsfaktoren nennt die Studie für KMU?");
    }

    @Test
    void should_stream_answer_as_several_deltas_and_complete() {
        // given
        server.streams("Die Studie ", "nennt ", "Transparenz ", "und Schulung.");

        // when
        List<String> deltas = modelStream().stream(model(), QUESTION).collectList().block(VERIFY_LIMIT);

        // then
        assertThat(deltas).containsExactly("Die Studie ", "nennt ", "Transparenz ", "und Schulung.");
        assertThat(server.awaitHangUp(Duration.ZERO)).as("client read the response to its end").isFalse();
    }

    @Test
    void should_emit_each_delta_as_it_arrives() {
        // given
        server.streams("Erstens ", "zweitens ", "drittens.").pausesAfter(1);

        // when / then: the first delta is there while the server still holds back the others
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectNext("Erstens ")
                .then(() -> assertThat(server.chunksSent()).isEqualTo(1))
                .then(server::resume)
                .expectNext("zweitens ", "drittens.")
                .expectComplete()
                .verify(VERIFY_LIMIT);
    }

    @Test
    void should_fail_with_llm_exception_when_server_answers_500() {
        // given
        server.failsWith(500);

        // when / then
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(LlmException.class)
                        .hasMessageContaining("HTTP 500")
                        .hasMessageNotContaining(API_KEY)
                        .hasNoCause())
                .verify(VERIFY_LIMIT);
    }

    @Test
    void should_fail_fast_when_body_is_malformed() {
        // given
        server.sendsMalformedBody();

        // when / then: an error well before any time-out, not a silent empty answer
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(LlmException.class))
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void should_time_out_and_hang_up_when_first_token_does_not_come() {
        // given
        server.stallsAfterHeaders();
        long start = System.nanoTime();

        // when / then
        StepVerifier.create(new ModelStream(FIRST_TOKEN_TIMEOUT, TIMEOUT).stream(model(), QUESTION))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmTimeoutException.class)
                        .hasMessageContaining("no token within"))
                .verify(VERIFY_LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(FIRST_TOKEN_TIMEOUT, Duration.ofSeconds(2));
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).as("client closed the stalled connection").isTrue();
    }

    @Test
    void should_time_out_and_hang_up_when_response_headers_do_not_come() {
        // given
        server.stallsBeforeHeaders();

        // when / then
        StepVerifier.create(new ModelStream(FIRST_TOKEN_TIMEOUT, TIMEOUT).stream(model(), QUESTION))
                .expectError(LlmTimeoutException.class)
                .verify(VERIFY_LIMIT);
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).as("client aborted the exchange before the headers").isTrue();
    }

    @Test
    void should_time_out_when_answer_runs_past_overall_timeout() {
        // given
        server.streams(numberedChunks(20).toArray(String[]::new)).delayBetweenChunks(Duration.ofMillis(100));
        ModelStream stream = new ModelStream(TIMEOUT, Duration.ofMillis(700));
        List<String> received = new ArrayList<>();

        // when / then
        StepVerifier.create(stream.stream(model(FIRST_TOKEN_TIMEOUT, Duration.ofMillis(700)), QUESTION).doOnNext(received::add))
                .thenConsumeWhile(delta -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmTimeoutException.class)
                        .hasMessageContaining("did not finish within"))
                .verify(VERIFY_LIMIT);
        assertThat(received).isNotEmpty().hasSizeLessThan(20);
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void should_close_upstream_connection_when_subscriber_cancels() {
        // given
        server.streams(numberedChunks(40).toArray(String[]::new)).delayBetweenChunks(Duration.ofMillis(50));

        // when
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectNext("Satz 0. ", "Satz 1. ")
                .thenCancel()
                .verify(VERIFY_LIMIT);

        // then
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).as("server saw the client hang up").isTrue();
        assertThat(server.chunksSent()).isLessThan(10);
    }

    @Test
    void should_close_upstream_connection_when_subscriber_cancels_before_first_token() {
        // given
        server.stallsAfterHeaders();

        // when
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .expectSubscription()
                .then(server::takeRequest)
                .thenCancel()
                .verify(VERIFY_LIMIT);

        // then
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).isTrue();
    }

    // --- faults after the headers: an answer counts as complete only with the provider's end marker

    @Test
    void should_fail_when_stream_ends_cleanly_without_end_marker() {
        // given
        server.streamsWithoutEndMarker("Die Studie ", "nennt ");
        List<String> received = new ArrayList<>();

        // when / then
        StepVerifier.create(modelStream().stream(model(), QUESTION).doOnNext(received::add))
                .thenConsumeWhile(delta -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(LlmException.class)
                        .hasMessageContaining("without its end marker"))
                .verify(VERIFY_LIMIT);
        assertThat(received).allSatisfy(delta -> assertThat("Die Studie nennt ").contains(delta));
    }

    @Test
    void should_fail_with_providers_message_when_error_event_follows_some_tokens() {
        // given
        server.streamsThenErrorEvent("llama_decode failed: out of memory", "Die Studie ", "nennt ");

        // when / then
        StepVerifier.create(modelStream().stream(model(), QUESTION))
                .thenConsumeWhile(delta -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(LlmException.class)
                        .hasMessageContaining("error event")
                        .hasMessageContaining("llama_decode failed: out of memory"))
                .verify(VERIFY_LIMIT);
    }

    @Test
    void should_time_out_and_hang_up_when_model_stalls_between_tokens() {
        // given: two tokens, then silence; the overall limit is far away
        server.streams("Die Studie ", "nennt ", "Transparenz.").pausesAfter(2);
        Duration idle = Duration.ofMillis(400);
        long start = System.nanoTime();

        // when / then
        StepVerifier.create(new ModelStream(TIMEOUT, idle, Duration.ofSeconds(30)).stream(model(), QUESTION))
                .expectNext("Die Studie ", "nennt ")
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmTimeoutException.class)
                        .hasMessageContaining("stalled for " + idle))
                .verify(VERIFY_LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).as("client closed the stalled connection").isTrue();
    }

    @Test
    void should_not_time_out_while_tokens_keep_coming_within_idle_timeout() {
        // given: ten tokens 100 ms apart take longer than the idle limit, but no gap does
        server.streams(numberedChunks(10).toArray(String[]::new)).delayBetweenChunks(Duration.ofMillis(100));

        // when
        List<String> deltas = new ModelStream(TIMEOUT, Duration.ofMillis(600), TIMEOUT).stream(model(), QUESTION)
                .collectList().block(VERIFY_LIMIT);

        // then
        assertThat(deltas).hasSize(10);
    }

    @Test
    void should_say_where_the_connection_was_refused() throws Exception {
        // given: a port nobody listens on
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = server.baseUrl().replace(":" + java.net.URI.create(server.baseUrl()).getPort(), ":" + closedPort);
        StreamingChatModel refused = LlmConfiguration.create(properties(baseUrl, FIRST_TOKEN_TIMEOUT, TIMEOUT)).model().orElseThrow();

        // when / then
        StepVerifier.create(modelStream().stream(refused, QUESTION))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmException.class)
                        .hasMessageContaining("127.0.0.1:" + closedPort)
                        .hasMessageContaining("ConnectException")
                        .hasMessageNotContaining("(no detail)"))
                .verify(VERIFY_LIMIT);
    }

    // --- a short reply: the rewrite of a question

    /** The token cap as the provider's request carries it. */
    abstract int maxTokensOf(JsonNode body);

    @Test
    void should_send_short_replys_own_token_cap() {
        // given
        server.streams("Personaleinsatzplanung");

        // when
        String reply = modelStream().shortReply(model(), QUESTION, 64, 300, TIMEOUT).block(VERIFY_LIMIT);

        // then
        assertThat(reply).isEqualTo("Personaleinsatzplanung");
        assertThat(maxTokensOf(server.takeRequest().json())).isEqualTo(64);
    }

    @Test
    void should_fail_short_reply_within_its_own_limit_and_hang_up() {
        // given
        server.stallsAfterHeaders();
        long start = System.nanoTime();

        // when / then: its limit, not the answer's first-token limit
        StepVerifier.create(modelStream().shortReply(model(), QUESTION, 64, 300, Duration.ofMillis(400)))
                .expectError(LlmTimeoutException.class)
                .verify(VERIFY_LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void should_stop_short_reply_as_soon_as_it_runs_too_long() {
        // given: 40 sentences of 8 characters, 50 ms apart
        server.streams(numberedChunks(40).toArray(String[]::new)).delayBetweenChunks(Duration.ofMillis(50));

        // when / then
        StepVerifier.create(modelStream().shortReply(model(), QUESTION, 64, 30, TIMEOUT))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmException.class)
                        .hasMessageContaining("more than 30 characters"))
                .verify(VERIFY_LIMIT);
        assertThat(server.awaitHangUp(Duration.ofSeconds(2))).isTrue();
        assertThat(server.chunksSent()).isLessThan(10);
    }

    @Test
    void should_complete_with_whole_reply() {
        // given
        server.streams("Wie viele ", "Fälle ", "zeigt die Studie?");

        // when
        String reply = modelStream().complete(model(), QUESTION).block(VERIFY_LIMIT);

        // then
        assertThat(reply).isEqualTo("Wie viele Fälle zeigt die Studie?");
    }
}
