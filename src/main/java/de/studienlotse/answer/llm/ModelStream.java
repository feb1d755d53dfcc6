package de.studienlotse.answer.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns one streaming model call into a {@link Flux} of text deltas, with a first-token and an overall time limit.
 * <p>
 * When the subscriber cancels (the browser went away) or a limit trips, the HTTP exchange is aborted for real: with
 * LangChain4j's {@link StreamingHandle#cancel()} once the first delta has brought one, and before that through the
 * {@link UpstreamCall} that models built by {@link LlmConfiguration} register with. A model built elsewhere is
 * cancelled from its first delta on.
 */
public class ModelStream {

    private final Duration firstTokenTimeout;
    private final Duration timeout;
    private final Scheduler timer = Schedulers.parallel();

    /**
     * @param firstTokenTimeout longest the model may stay silent before its first delta
     * @param timeout           longest the whole answer may take
     */
    public ModelStream(Duration firstTokenTimeout, Duration timeout) {
        this.firstTokenTimeout = Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout must not be null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    }

    /**
     * Streams the model's reply to {@code messages} as it is generated. Errors are {@link LlmException}s, time-outs
     * {@link LlmTimeoutException}s. The call starts on subscription, on a bounded-elastic thread: LangChain4j
     * serialises the request and may resolve the host there, which must not happen on a Netty event loop.
     */
    public Flux<String> stream(StreamingChatModel model, List<ChatMessage> messages) {
        Objects.requireNonNull(model, "model must not be null");
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        return Flux.<String>create(sink -> relay(model, request, sink))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The whole reply at once, for short prompts such as rewriting a follow-up question. */
    public Mono<String> complete(StreamingChatModel model, List<ChatMessage> messages) {
        return stream(model, messages).collect(Collectors.joining());
    }

    private void relay(StreamingChatModel model, ChatRequest request, FluxSink<String> sink) {
        String backend = backendOf(model);
        UpstreamCall call = new UpstreamCall();
        Disposable firstTokenTimer = timer.schedule(() -> expire(call, sink,
                "%s sent no token within %s".formatted(backend, firstTokenTimeout)), firstTokenTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Disposable deadline = timer.schedule(() -> expire(call, sink,
                "%s did not finish within %s".formatted(backend, timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
        sink.onCancel(call::abort);
        sink.onDispose(() -> {
            firstTokenTimer.dispose();
            deadline.dispose();
        });

        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {

            private boolean handleRegistered;

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (!handleRegistered && context != null && context.streamingHandle() != null) {
                    handleRegistered = true;
                    StreamingHandle handle = context.streamingHandle();
                    call.onAbort(handle::cancel);
                }
                onPartialResponse(partial.text());
            }

            @Override
            public void onPartialResponse(String text) {
                if (text == null || text.isEmpty() || call.isAborted()) return;
                firstTokenTimer.dispose();
                sink.next(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                // after an abort the OpenAI client reports the cut-off body as a complete response
                if (!call.isAborted()) sink.complete();
            }

            @Override
            public void onError(Throwable error) {
                // after an abort LangChain4j reports the closed stream; the subscriber is gone or has its time-out
                if (!call.isAborted()) sink.error(LlmException.from(backend, error));
            }
        };

        try {
            call.start(() -> model.chat(request, handler));
        } catch (RuntimeException e) {
            sink.error(LlmException.from(backend, e));
        }
    }

    private static void expire(UpstreamCall call, FluxSink<String> sink, String message) {
        // error first: an aborted body reads as a clean end, and some clients (OpenAI) then report completion
        sink.error(new LlmTimeoutException(message));
        call.abort();
    }

    private static String backendOf(StreamingChatModel model) {
        return model.provider().name().toLowerCase().replace("_", "");
    }
}
