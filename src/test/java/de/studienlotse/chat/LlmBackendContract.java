package de.studienlotse.chat;

import static de.studienlotse.llm.FakeLlmServer.numberedChunks;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.studienlotse.answer.Citation;
import de.studienlotse.answer.Statement;
import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeModel;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import de.studienlotse.corpus.Study;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One LLM backend end to end, through the running app: {@code POST /api/chat/stream} and {@code POST /api/chat} with
 * the provider's real LangChain4j client talking to a {@link FakeLlmServer} that speaks its wire protocol. Each
 * subclass names its protocol and model with {@link FakeModel}, which starts the fake server for its Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class LlmBackendContract {

    /** A question the retrieval answers well: several B cases name challenges of invoice processing. */
    static final String QUESTION = "Welche Herausforderungen gab es bei der automatisierten Rechnungsverarbeitung?";
    /** Not in OpenAI's {@code sk-} form: masking must not depend on the key's shape. */
    static final String API_KEY = "lokal-e2e-7c41d0a9b2f6";
    /**
     * Long enough that a model answering at once is never cut off on a busy two-core CI machine (500 ms was: a GC
     * pause or a sibling fork made a prompt first token late and the answer fell back), short enough that the
     * stall tests stay quick and the overall {@link #TIMEOUT} still proves which limit ended the wait.
     */
    static final Duration FIRST_TOKEN_TIMEOUT = Duration.ofMillis(2000);
    static final Duration IDLE_TIMEOUT = Duration.ofMillis(1500);
    static final Duration REWRITE_TIMEOUT = Duration.ofSeconds(3);
    static final Duration TIMEOUT = Duration.ofSeconds(6);
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(15);
    /** What the fake model makes of every question when asked for it in the study's words; a separate call. */
    static final String STUDY_QUERY = "Herausforderungen Rechnungsverarbeitung";
    static final String STUDY_QUERY_PROMPT = firstLine("prompts/query-study-vocabulary.md");
    /** A model answer citing two sources, split mid-sentence as a model streams it. */
    static final String[] CITED_CHUNKS = {"Laut B4 war die ", "Datenqualität anfangs gering [1]. ", "Außerdem fehlte ",
            "eine Projektstruktur [2]."};

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Class<?>> WARMED_UP = ConcurrentHashMap.newKeySet();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @Autowired
    Study study;

    @Autowired
    Conversations conversations;

    /** The fake server this class's context talks to, started by the subclass's {@link FakeModel}. */
    @Autowired
    FakeLlmServer server;

    FakeLlmServer server() {
        return server;
    }

    /** {@code openai}, {@code ollama} or {@code anthropic}, as {@code studienlotse.llm.provider} spells it. */
    String provider() {
        return server.protocol().provider();
    }

    /** The model name configured, which must reach the wire. */
    String model() {
        return server.model();
    }

    /** Where the provider's client posts a chat, as the fake server saw it. */
    String chatPath() {
        return server.protocol().chatPath();
    }

    /** The same for every provider; {@link FakeModel} adds provider, base URL and model. */
    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("studienlotse.llm.api-key", () -> API_KEY);
        registry.add("studienlotse.llm.first-token-timeout", FIRST_TOKEN_TIMEOUT::toString);
        registry.add("studienlotse.llm.timeout", TIMEOUT::toString);
        registry.add("studienlotse.llm.idle-timeout", IDLE_TIMEOUT::toString);
        registry.add("studienlotse.llm.rewrite-timeout", REWRITE_TIMEOUT::toString);
    }

    @BeforeEach
    void resetServer() {
        if (WARMED_UP.add(getClass())) {
            warmUp();
        }
        reset();
    }

    /** A fresh server whose rewrite into the study's words answers apart from the answer script. */
    FakeLlmServer reset() {
        return server().reset().answersPromptsContaining(STUDY_QUERY_PROMPT, STUDY_QUERY);
    }

    static String firstLine(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The first model calls of a cold JVM load and compile LangChain4j's client, its JSON mapping and the JDK HTTP
     * client, which on two cores took longer than {@link #FIRST_TOKEN_TIMEOUT} (seen: the first two calls). Calling
     * until one answers in time keeps that short limit meaningful for the tests.
     */
    private void warmUp() {
        for (int call = 0; call < 5; call++) {
            reset().streams("Laut B4 war die Datenqualität anfangs gering [1].");
            // patient: a cold call on a busy machine may take longer than the client's usual 5 s
            ChatResponse response = web.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri("/api/chat")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", QUESTION)).exchange()
                    .expectStatus().isOk().expectBody(ChatResponse.class).returnResult().getResponseBody();
            if (response != null && response.notice() == null) {
                return;
            }
        }
    }

    // --- a cited answer

    @Test
    void should_stream_cited_answer_as_tokens_between_sources_and_done() {
        // given
        server().streams(CITED_CHUNKS);

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(answer.names()).first().isEqualTo("sources");
        assertThat(answer.names()).last().isEqualTo("done");
        assertThat(answer.names()).doesNotContain("error");
        assertThat(answer.tokens()).hasSizeGreaterThan(1);
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertCitedModelAnswer(done);
        List<Citation> sources = answer.sources().sources();
        assertThat(done.citations()).extracting(Citation::passageId)
                .containsExactly(sources.get(0).passageId(), sources.get(1).passageId())
                .allSatisfy(id -> assertThat(study.passage(id)).isPresent());
    }

    @Test
    void should_answer_cited_model_text_as_json() {
        // given
        server().streams(CITED_CHUNKS);

        // when
        ChatResponse response = ask(QUESTION);

        // then
        assertCitedModelAnswer(response);
        assertThat(response.citations()).allSatisfy(citation ->
                assertThat(study.passage(citation.passageId())).get().extracting(p -> p.text()).isEqualTo(citation.quote()));
    }

    /** A stream the extractive answer ended: {@code done} last, no error event, the tokens are that answer. */
    private static ChatResponse fellBack(Streamed answer) {
        assertThat(answer.names()).last().isEqualTo("done");
        assertThat(answer.names()).doesNotContain("error");
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.backend()).isEqualTo("extractive");
        return done;
    }

    /** The model's text as {@link #CITED_CHUNKS} streamed it, both citations kept, no fallback. */
    private void assertCitedModelAnswer(ChatResponse response) {
        assertThat(response.answer()).isEqualTo(
                "Laut B4 war die Datenqualität anfangs gering [1]. Außerdem fehlte eine Projektstruktur [2].");
        assertThat(response.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(response.backend()).isEqualTo(provider() + ":" + model());
        assertThat(response.abstained()).isFalse();
        assertThat(response.uncited()).isFalse();
        assertThat(response.notice()).isNull();
    }

    // --- a citation to a source that was never given

    @Test
    void should_remove_citation_of_unknown_source_from_tokens_and_done() {
        // given: markers split across chunks, so the filter must hold back "[" and "[9" while streaming
        server().streams("Laut B4 war die Datenqualität anfangs gering [", "1]. Außerdem fehlte eine Projektstruktur [9",
                "]. Beides nennt auch [2, 9].");

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(answer.sources().sources()).hasSizeLessThan(9);
        assertThat(answer.rawData()).noneMatch(data -> data.contains("[9"));
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.answer()).doesNotContain("9]").contains("gering [1].", "auch [2].");
        assertThat(done.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(done.uncited()).isFalse();
    }

    @Test
    void should_remove_citation_of_unknown_source_from_json_answer() {
        // given
        server().streams("Laut B4 war die Datenqualität anfangs gering [1]. ", "Außerdem fehlte eine Projektstruktur [9].");

        // when
        ChatResponse response = ask(QUESTION);

        // then
        assertThat(response.answer()).doesNotContain("[9]").contains("gering [1].");
        assertThat(response.citations()).extracting(Citation::n).containsExactly(1);
    }

    @Test
    void should_remove_unknown_source_from_citation_list_that_arrives_token_by_token() {
        // given: "[1, 2, …, 10]" in the pieces a tokenizer makes of it, longer than any list of existing sources
        List<String> chunks = new ArrayList<>(List.of("Das nennen mehrere Fälle ", "["));
        for (int n = 1; n <= 10; n++) {
            chunks.add((n == 1 ? "" : " ") + n);
            chunks.add(n == 10 ? "]." : ",");
        }
        server().streams(chunks.toArray(String[]::new));

        // when
        Streamed answer = stream(QUESTION);

        // then
        int sources = answer.sources().sources().size();
        StringBuilder valid = new StringBuilder();
        for (int n = 1; n <= sources; n++) {
            valid.append('[').append(n).append(']');
        }
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.answer()).isEqualTo("Das nennen mehrere Fälle " + valid + ".");
        assertThat(done.citations()).hasSize(sources);
        assertThat(done.notice()).isNull();
    }

    @Test
    void should_drop_bracketed_number_too_large_for_any_source_without_failing_the_answer() {
        // given
        server().streams("Laut B4 war die Datenqualität anfangs gering [1]. ", "Die Hotline [08001234567] half nicht.");

        // when
        Streamed answer = stream(QUESTION);

        // then: the model's answer stands; the number is taken for a marker of a source that does not exist, which
        // leaves its sentence without a citation, so that sentence goes
        ChatResponse done = answer.done();
        assertThat(done.notice()).isNull();
        assertThat(done.backend()).isEqualTo(provider() + ":" + model());
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.answer()).isEqualTo("Laut B4 war die Datenqualität anfangs gering [1].")
                .doesNotContain("08001234567");
        assertThat(done.citations()).extracting(Citation::n).containsExactly(1);
    }

    // --- a model that does not answer

    @Test
    void should_fall_back_to_extractive_answer_in_stream_when_model_sends_no_first_token() {
        // given
        server().stallsAfterHeaders();
        long start = System.nanoTime();

        // when
        Streamed answer = stream(QUESTION);

        // then: the first-token limit, not the overall one, ended the wait
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        assertThat(answer.names()).first().isEqualTo("sources");
        ChatResponse done = fellBack(answer);
        assertThat(done.notice()).startsWith("Das Sprachmodell war nicht erreichbar");
        assertThat(done.answer()).contains(done.notice()).containsPattern("\\[\\d+]");
        assertThat(done.citations()).isNotEmpty();
        assertThat(done.uncited()).isFalse();
        assertThat(server().awaitHangUp(Duration.ofSeconds(2))).as("the stalled model call was aborted").isTrue();
    }

    @Test
    void should_fall_back_to_extractive_json_answer_when_model_sends_not_even_headers() {
        // given
        server().stallsBeforeHeaders();

        // when
        ChatResponse response = ask(QUESTION);

        // then
        assertThat(response.backend()).isEqualTo("extractive");
        assertThat(response.notice()).startsWith("Das Sprachmodell war nicht erreichbar");
        assertThat(response.answer()).contains(response.notice());
        assertThat(response.citations()).isNotEmpty();
        assertThat(response.abstained()).isFalse();
        assertThat(response.uncited()).isFalse();
        assertThat(server().awaitHangUp(Duration.ofSeconds(2))).as("the stalled model call was aborted").isTrue();
    }

    @Test
    void should_fall_back_to_extractive_answer_when_model_answers_with_server_error() {
        // given
        server().failsWith(500);

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(answer.names()).last().isEqualTo("done");
        assertThat(answer.names()).doesNotContain("error");
        ChatResponse done = answer.done();
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.notice()).isNotBlank();
        assertThat(done.answer()).contains(done.notice());
        assertThat(done.citations()).isNotEmpty();
    }

    @Test
    void should_keep_streamed_model_text_and_continue_extractively_when_model_stalls_mid_answer() {
        // given: two chunks, then silence until the overall limit
        server().streams("Laut B4 war die Datenqualität ", "anfangs gering [1]. ", "Das kommt nie an [2].").pausesAfter(2);

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(answer.names()).last().isEqualTo("done");
        assertThat(answer.names()).doesNotContain("error");
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.answer()).startsWith("Laut B4 war die Datenqualität anfangs gering [1].")
                .contains(done.notice()).doesNotContain("Das kommt nie an");
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.citations()).extracting(Citation::n).contains(1);
        assertThat(server().awaitHangUp(Duration.ofSeconds(2))).as("the stalled model call was aborted").isTrue();
    }

    @Test
    void should_fall_back_to_extractive_answer_when_model_completes_without_text() {
        // given: a well-formed, finished reply with no text, as reasoning models send when thinking used up max-tokens
        server().streams();

        // when
        Streamed answer = stream(QUESTION);

        // then
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.answer()).isNotBlank().contains(done.notice());
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.citations()).isNotEmpty();
        assertThat(done.uncited()).isFalse();
    }

    // --- a model that breaks off: complete only with the end marker, quickly over when it stalls

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void should_fall_back_with_notice_and_one_warning_when_stream_ends_without_end_marker(CapturedOutput output) {
        // given: a clean end of the body, but no [DONE] / message_stop / done: true
        server().streamsWithoutEndMarker("Laut B4 war die Datenqualität ", "anfangs gering [1]. Außerdem");

        // when
        Streamed answer = stream(QUESTION);

        // then: not shown as a whole model answer
        ChatResponse done = fellBack(answer);
        assertThat(done.notice()).startsWith("Das Sprachmodell war nicht erreichbar");
        assertThat(done.answer()).contains(done.notice());
        assertThat(done.citations()).isNotEmpty();
        // one line for the fault (the warm-up of a cold JVM may log its own first-token time-outs)
        assertThat(warnings(output, "without its end marker")).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "Language model failed"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void should_fall_back_with_notice_and_one_warning_when_an_error_event_follows_some_tokens(CapturedOutput output) {
        // given: llama.cpp's failure mode, data: {"error":…} and then the end
        server().streamsThenErrorEvent("llama_decode failed", "Laut B4 war die Datenqualität ", "anfangs gering [1].");

        // when
        ChatResponse done = stream(QUESTION).done();

        // then
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.notice()).startsWith("Das Sprachmodell war nicht erreichbar");
        assertThat(done.answer()).contains(done.notice());
        assertThat(warnings(output, "llama_decode failed")).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "Language model failed", "error event"));
    }

    @Test
    void should_fall_back_within_the_idle_timeout_when_model_stalls_after_some_tokens() {
        // given
        server().streams("Laut B4 war die Datenqualität ", "anfangs gering [1]. ", "Das kommt nie an [2].").pausesAfter(2);
        long start = System.nanoTime();

        // when
        ChatResponse done = stream(QUESTION).done();

        // then: the idle limit ended the wait, well before the overall one
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.notice()).isNotBlank();
        assertThat(done.answer()).startsWith("Laut B4 war die Datenqualität anfangs gering [1].").contains(done.notice());
    }

    /**
     * The model faults of issue 14 in one table; each answer still ends in {@code done} with the fallback notice and
     * an extractive, cited answer, and before the overall limit ({@link #TIMEOUT}) could have ended it.
     */
    enum ModelFault {
        NO_FIRST_TOKEN(FakeLlmServer::stallsAfterHeaders),
        NO_HEADERS(FakeLlmServer::stallsBeforeHeaders),
        HTTP_500(server -> server.failsWith(500)),
        MALFORMED_STREAM(FakeLlmServer::sendsMalformedBody),
        STALL_AFTER_SOME_TOKENS(server -> server.streams("Laut B4 war die Datenqualität ", "anfangs gering [1]. ",
                "Das kommt nie an [2].").pausesAfter(2)),
        END_WITHOUT_END_MARKER(server -> server.streamsWithoutEndMarker("Laut B4 war die Datenqualität ", "anfangs gering [1]. Außerdem")),
        ERROR_EVENT(server -> server.streamsThenErrorEvent("llama_decode failed", "Laut B4 war die Datenqualität ", "anfangs gering [1].")),
        DISCONNECT(server -> server.dropsConnectionAfter("Laut B4 war die Datenqualität ", "anfangs gering [1]. Außerdem"));

        final java.util.function.Consumer<FakeLlmServer> script;

        ModelFault(java.util.function.Consumer<FakeLlmServer> script) {
            this.script = script;
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFault.class)
    void should_end_in_done_with_the_fallback_notice_within_the_limit_whatever_the_model_does(ModelFault fault) {
        // given
        fault.script.accept(server());
        long start = System.nanoTime();

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to done").isLessThan(TIMEOUT);
        assertThat(answer.names()).first().isEqualTo("sources");
        assertThat(answer.names()).last().isEqualTo("done");
        assertThat(answer.names()).doesNotContain("error");
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer());
        assertThat(done.backend()).isEqualTo("extractive");
        assertThat(done.notice()).startsWith("Das Sprachmodell war nicht erreichbar");
        assertThat(done.answer()).contains(done.notice()).containsPattern("\\[\\d+]");
        assertThat(done.citations()).isNotEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void should_log_a_key_that_a_providers_401_echoes_only_masked(CapturedOutput output) {
        // given
        server().failsWith(401);

        // when
        ChatResponse done = ask(QUESTION);

        // then
        assertThat(done.notice()).isNotBlank();
        assertThat(warnings(output, "HTTP 401")).singleElement().satisfies(line -> assertThat(line).contains("Language model failed"));
        assertThat(output.getAll()).doesNotContain(API_KEY);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void should_drop_a_hanging_follow_up_rewrite_after_its_own_limit_and_still_answer(CapturedOutput output) throws IOException {
        // given: the rewrite call hangs; the answer itself comes
        String rewritePrompt = Files.readString(Path.of("prompts/rewrite.md"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        server().stallsPromptsContaining(rewritePrompt).streams("Laut B4 war die Datenqualität anfangs gering [1].");
        Map<String, Object> followUp = followUp("Welche Herausforderungen gab es dort?",
                new ConversationTurn("Wie lange hat die Einführung bei B4 gedauert?", "Zwei bis drei Jahre [1]."));
        long start = System.nanoTime();

        // when
        ChatResponse done = stream(followUp).done();

        // then: the rewrite's limit, not the answer's, and a warning saying so
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REWRITE_TIMEOUT.plus(TIMEOUT));
        assertThat(done.backend()).isEqualTo(provider() + ":" + model());
        assertThat(done.notice()).isNull();
        assertThat(warnings(output, "Follow-up rewrite failed")).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "LlmTimeoutException"));
    }

    // --- what an operator sees

    @Test
    void should_show_provider_base_url_and_model_in_info_and_readiness_but_never_the_key() {
        // given
        server().listsModels(model());

        // when
        String info = web.get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String readiness = web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        // then
        JsonNode llm = JSON.readTree(info).path("llm");
        assertThat(llm.path("provider").asString()).isEqualTo(provider());
        assertThat(llm.path("baseUrl").asString()).isEqualTo(server().baseUrl());
        assertThat(llm.path("model").asString()).isEqualTo(model());
        assertThat(llm.path("apiKey").asString()).isEqualTo("set");
        JsonNode health = JSON.readTree(readiness).path("components").path("llm");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("details").path("model").asString()).isEqualTo(model());
        assertThat(info + readiness).doesNotContain(API_KEY);
    }

    // --- a client that goes away

    @Test
    void should_hang_up_on_model_when_client_disconnects_mid_stream() {
        // given: an answer of 6 s, longer than the overall limit, so only the client's cancel can end it early
        server().streams(citedChunks(60)).delayBetweenChunks(Duration.ofMillis(100));
        Flux<ServerSentEvent<String>> events = web.post().uri("/api/chat/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", QUESTION))
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE)
                .getResponseBody();

        // when: take two tokens, then cancel (take() cancels the response body)
        List<ServerSentEvent<String>> tokens = events.filter(e -> "token".equals(e.event())).take(2)
                .collectList().block(ANSWER_LIMIT);
        long cancelled = System.nanoTime();

        // then
        assertThat(tokens).hasSize(2);
        assertThat(server().awaitHangUp(Duration.ofSeconds(2))).as("the fake model saw the app hang up").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).as("hang-up came from the cancel, not a time-out")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(server().chunksSent()).isLessThan(20);
    }

    // --- what goes on the wire

    @Test
    void should_send_prompt_numbered_sources_and_model_name_to_the_provider() throws IOException {
        // given
        server().streams("Laut B4 war die Datenqualität anfangs gering [1].");
        String systemPrompt = Files.readString(Path.of("prompts/answer-system.md"), StandardCharsets.UTF_8).strip();

        // when
        Streamed answer = stream(QUESTION);
        RecordedRequest request = server().takeRequest();

        // then
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(chatPath());
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo(model());
        String prompt = String.join("\n", texts(body));
        assertThat(prompt).contains(systemPrompt, "Frage: " + QUESTION, "belege jede Aussage mit [n]");
        List<Citation> sources = answer.sources().sources();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(2);
        for (Citation source : sources) {
            String where = source.caseId() == null ? "Studie" : "Fall " + source.caseId() + " (";
            assertThat(prompt).contains("[" + source.n() + "] " + where, source.quote());
        }
        assertThat(prompt).doesNotContain("[" + (sources.size() + 1) + "] ");
    }

    @Test
    void should_let_model_answer_question_that_names_a_case() {
        // given
        server().streams("Bei B4 (E-Commerce) dauerte die Einführung 2-3 Jahre [1].");

        // when
        ChatResponse response = ask("Wie lange hat die Einführung bei B4 gedauert?");

        // then: "B4" is no unknown acronym that makes the question off-topic
        assertThat(response.abstained()).isFalse();
        assertThat(response.backend()).isEqualTo(provider() + ":" + model());
        assertThat(response.citations()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo("B4");
            assertThat(c.quote()).isEqualTo("2-3 Jahre");
        });
    }

    @Test
    void should_have_model_rewrite_follow_up_and_answer_the_standalone_question() throws IOException {
        // given: the fake answers both calls alike; as the rewrite, its text is the standalone question
        String standalone = "Wie lange hat die Einführung bei B4 gedauert?";
        server().streams(standalone);
        String rewritePrompt = Files.readString(Path.of("prompts/rewrite.md"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        Map<String, Object> followUp = followUp("Wie lange hat die Einführung dort gedauert?",
                new ConversationTurn("Welche Herausforderungen gab es bei B4?", "Die Datenqualität war anfangs gering [1]."));

        // when
        Streamed answer = stream(followUp);
        String rewrite = String.join("\n", texts(server().takeRequest().json()));
        String answerPrompt = String.join("\n", texts(server().takeRequest().json()));

        // then
        assertThat(rewrite).contains(rewritePrompt, "Nutzer: Welche Herausforderungen gab es bei B4?",
                "Letzte Frage: Wie lange hat die Einführung dort gedauert?");
        assertThat(answerPrompt).contains("Frage: " + standalone).doesNotContain("dort gedauert");
        assertThat(answer.sources().sources()).extracting(Citation::caseId).contains("B4");
        assertThat(answer.names()).last().isEqualTo("done");
    }

    // --- what the model's answer means

    @Test
    void should_mark_answer_abstained_with_suggestions_when_model_writes_the_no_answer_sentinel() {
        // given: the sentinel of prompts/answer-system.md, split across deltas
        server().streams(" [[KEINE_", "ANGA", "BEN]]");

        // when
        Streamed answer = stream(QUESTION);

        // then: the sentinel never reaches the reader; the abstention is the service's own, in the question's words
        ChatResponse done = answer.done();
        assertThat(inReadingOrder(String.join("", answer.tokens()))).isEqualTo(done.answer()).doesNotContain("KEINE_ANGABEN")
                .startsWith("Dazu enthält die Studie keine Angaben");
        assertThat(done.abstained()).isTrue();
        assertThat(done.uncited()).isFalse();
        assertThat(done.citations()).isEmpty();
        assertThat(done.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith("?"));
        assertThat(done.backend()).isEqualTo(provider() + ":" + model());
    }

    // --- each sentence against the passages it cites

    @Test
    void should_mark_exactly_the_sentence_its_sources_do_not_hold_unsupported() {
        // given: the model quotes source 1, then adds a figure no source states
        Citation first = stream(QUESTION).sources().sources().getFirst();
        String invented = "Dadurch sparte das Unternehmen jedes Jahr 40.000 Euro an Portokosten [1].";
        reset().streams(first.quote() + " [1] ", invented);

        // when
        ChatResponse done = ask(QUESTION);

        // then
        assertThat(done.statements()).isNotEmpty();
        assertThat(done.statements()).filteredOn(s -> s.status() == Statement.Support.UNSUPPORTED)
                .singleElement().satisfies(s -> {
                    assertThat(s.text()).isEqualTo(invented);
                    assertThat(done.answer().substring(s.start(), s.end())).isEqualTo(invented);
                    assertThat(s.sources()).containsExactly(1);
                });
        assertThat(done.statements()).filteredOn(s -> !s.text().equals(invented))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(Statement.Support.SUPPORTED));
    }

    @Test
    void should_renumber_markers_in_reading_order_in_the_finished_answer() {
        // given: the model cites source 2 before source 1
        List<Citation> sources = stream(QUESTION).sources().sources();
        reset().streams("Erstens [2]. ", "Zweitens [1]. Drittens [2].");

        // when
        ChatResponse done = ask(QUESTION);

        // then
        assertThat(done.answer()).isEqualTo("Erstens [1]. Zweitens [2]. Drittens [1].");
        assertThat(done.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(done.citations()).extracting(Citation::passageId)
                .containsExactly(sources.get(1).passageId(), sources.get(0).passageId());
    }

    @Test
    void should_answer_extractively_with_notice_when_no_valid_marker_remains() {
        // given
        server().streams("Die Datenqualität war anfangs gering. ", "Es fehlte eine Projektstruktur [12].");

        // when
        ChatResponse response = ask(QUESTION);

        // then: no uncited statement reaches the reader; the study's own passages answer instead
        assertThat(response.answer()).doesNotContain("Die Datenqualität war anfangs gering.", "[12");
        assertThat(response.notice()).startsWith("Die Antwort des Sprachmodells ließ sich nicht mit Textstellen der Studie belegen");
        assertThat(response.answer()).contains(response.notice());
        assertThat(response.uncited()).isFalse();
        assertThat(response.abstained()).isFalse();
        assertThat(response.citations()).isNotEmpty();
        assertThat(response.backend()).isEqualTo("extractive");
    }

    // --- helpers

    /** Sentences that each cite source 1, so that each is released as it arrives. */
    static String[] citedChunks(int count) {
        return numberedChunks(count).stream().map(chunk -> chunk.replace(". ", " [1]. ")).toArray(String[]::new);
    }

    /** Log lines of this test that contain {@code text}. */
    /** The log lines holding the text; waits up to 3 s for the first, as the fallback may log just after done is sent. */
    static List<String> warnings(CapturedOutput output, String text) {
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> lines = output.getAll().lines().filter(line -> line.contains(text)).toList();
        while (lines.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            lines = output.getAll().lines().filter(line -> line.contains(text)).toList();
        }
        return lines;
    }

    /** A follow-up in a conversation the server holds with the turn given (planted, not asked: no model call). */
    Map<String, Object> followUp(String message, ConversationTurn earlier) {
        return Map.of("message", message, "conversationId", PlantedConversation.plant(conversations, List.of(earlier)));
    }

    Streamed stream(String question) {
        return stream(Map.of("message", question));
    }

    Streamed stream(Map<String, Object> request) {
        List<ServerSentEvent<String>> events = web.post().uri("/api/chat/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE)
                .getResponseBody()
                .collectList()
                .block(ANSWER_LIMIT);
        return new Streamed(events);
    }

    ChatResponse ask(String question) {
        return web.post().uri("/api/chat")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", question))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ChatResponse.class)
                .returnResult()
                .getResponseBody();
    }

    /** Every string in a request body: the prompts, wherever the provider's format puts them. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isString()) {
            texts.add(node.asString());
        }
        for (JsonNode child : node) {
            texts.addAll(texts(child));
        }
        return texts;
    }

    /** The events of one streamed answer, in order. */
    record Streamed(List<ServerSentEvent<String>> events) {

        List<String> names() {
            return events.stream().map(ServerSentEvent::event).toList();
        }

        List<String> rawData() {
            return events.stream().map(ServerSentEvent::data).toList();
        }

        ChatController.SourcesEvent sources() {
            return JSON.readValue(only("sources"), ChatController.SourcesEvent.class);
        }

        List<String> tokens() {
            return events.stream().filter(e -> "token".equals(e.event()))
                    .map(e -> JSON.readTree(e.data()).path("text").asString()).toList();
        }

        ChatResponse done() {
            return JSON.readValue(only("done"), ChatResponse.class);
        }

        private String only(String name) {
            List<String> data = events.stream().filter(e -> name.equals(e.event())).map(ServerSentEvent::data).toList();
            assertThat(data).as("%s events in %s", name, names()).hasSize(1);
            return data.getFirst();
        }
    }

    /**
     * The streamed text as {@code done} carries it: the tokens keep the retrieval's numbers, {@code done} numbers the
     * markers in order of first use ([1], then the next new one [2] …).
     */
    static String inReadingOrder(String streamed) {
        java.util.Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher marker = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(streamed);
        StringBuilder out = new StringBuilder();
        while (marker.find()) {
            int n = numbers.computeIfAbsent(marker.group(1), k -> numbers.size() + 1);
            marker.appendReplacement(out, "[" + n + "]");
        }
        return marker.appendTail(out).toString();
    }
}
