package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.data.message.AiMessage;
import reactor.test.StepVerifier;

/** {@link ModelStream} with scripted models: threads, and cancellation of a model built outside this package. */
class ModelStreamTests {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private final ModelStream modelStream = new ModelStream(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @Test
    void should_start_model_call_off_the_subscribing_thread() {
        // given
        AtomicReference<String> chatThread = new AtomicReference<>();
        StreamingChatModel model = scripted((request, handler) -> {
            chatThread.set(Thread.currentThread().getName());
            handler.onPartialResponse("Hallo");
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Hallo")).build());
        });

        // when
        List<String> deltas = modelStream.stream(model, List.of(UserMessage.from("Hallo?"))).collectList().block(LIMIT);

        // then: a Netty event loop subscribing here would not be the one building and sending the request
        assertThat(deltas).containsExactly("Hallo");
        assertThat(chatThread.get()).startsWith("boundedElastic").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void should_cancel_through_streaming_handle_when_model_was_built_elsewhere() {
        // given
        RecordingHandle handle = new RecordingHandle();
        StreamingChatModel model = scripted((request, handler) -> Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 100 && !handle.isCancelled(); i++) {
                handler.onPartialResponse(new PartialResponse("Token " + i + " "), new PartialResponseContext(handle));
                sleep(Duration.ofMillis(20));
            }
        }));

        // when
        StepVerifier.create(modelStream.stream(model, List.of(UserMessage.from("Hallo?"))))
                .expectNext("Token 0 ", "Token 1 ")
                .thenCancel()
                .verify(LIMIT);

        // then: the abort runs off the cancelling thread (it closes the body stream, which may block), soon after
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!handle.isCancelled() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(5));
        }
        assertThat(handle.isCancelled()).isTrue();
    }

    @Test
    void should_wrap_a_synchronous_failure_of_the_model() {
        // given
        StreamingChatModel model = scripted((request, handler) -> {
            throw new IllegalArgumentException("temperature out of range");
        });

        // when / then
        StepVerifier.create(modelStream.stream(model, List.of(UserMessage.from("Hallo?"))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LlmException.class)
                        .hasMessageContaining("temperature out of range")
                        .hasCauseInstanceOf(IllegalArgumentException.class))
                .verify(LIMIT);
    }

    @Test
    void should_time_out_a_model_that_never_answers() {
        // given
        StreamingChatModel silent = scripted((request, handler) -> { });
        ModelStream impatient = new ModelStream(Duration.ofMillis(300), Duration.ofSeconds(5));

        // when / then
        StepVerifier.create(impatient.stream(silent, List.of(UserMessage.from("Hallo?"))))
                .expectError(LlmTimeoutException.class)
                .verify(Duration.ofSeconds(2));
    }

    private static StreamingChatModel scripted(Script script) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                script.run(request, handler);
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Script {
        void run(ChatRequest request, StreamingChatResponseHandler handler);
    }

    private static final class RecordingHandle implements StreamingHandle {

        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
