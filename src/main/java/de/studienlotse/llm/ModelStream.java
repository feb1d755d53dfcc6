package de.studienlotse.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns one streaming model call into a {@link Flux} of text deltas, with a first-token, an idle (between two
 * deltas) and an overall time limit.
 * <p>
 * When the subscriber cancels (the browser went away) or a limit trips, the HTTP exchange is aborted for real: with
 * LangChain4j's {@link StreamingHandle#cancel()} once the first delta has brought one, and before that through the
 * {@link UpstreamCall} that models built by {@link LlmConfiguration} register with. A model built elsewhere is
 * cancelled from its first delta on.
 */
public class ModelStream {

    private final Duration firstTokenTimeout;
    private final Duration idleTimeout;
    private final Duration timeout;
    /**
     * Where the limits fire: an expired limit aborts the call, and closing the HTTP body stream takes a lock of the JDK
     * client, which must not run on a non-blocking (parallel) thread.
     */
    private final Scheduler timer = Schedulers.boundedElastic();

    /**
     * @param firstTokenTimeout longest the model may stay silent before its first delta
     * @param idleTimeout       longest the model may stay silent between two deltas
     * @param timeout           longest the whole answer may take
     */
    public ModelStream(Duration firstTokenTimeout, Duration idleTimeout, Duration timeout) {
        this.firstTokenTimeout = Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout must not be null");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    }

    /** Without a limit of its own between deltas: only the overall one applies there. */
    public ModelStream(Duration firstTokenTimeout, Duration timeout) {
        this(firstTokenTimeout, timeout, timeout);
    }

    /**
     * Streams the model's reply to {@code messages} as it is generated. Errors are {@link LlmException}s, time-outs
     * {@link LlmTimeoutException}s. The call starts on subscription, on a bounded-elastic thread: LangChain4j
     * serialises the request and may resolve the host there, which must not happen on a Netty event loop.
     */
    public Flux<String> stream(StreamingChatModel model, List<ChatMessage> messages) {
        Objects.requireNonNull(model, "model must not be null");
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        return Flux.<String>create(sink -> new Relay(backendOf(model), sink, firstTokenTimeout, timeout).start(model, request))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The whole reply at once, for short prompts such as a brief's summary. */
    public Mono<String> complete(StreamingChatModel model, List<ChatMessage> messages) {
        return stream(model, messages).collect(Collectors.joining());
    }

    /**
     * A short reply (a rewritten question) under its own limits: at most {@code maxTokens} generated, all of it within
     * {@code limit} (its first token too, whatever the answer's first-token limit), and no more than {@code maxChars}
     * characters. A longer reply is no rewrite but an answer: the call is cancelled as soon as it runs past and fails
     * with an {@link LlmException}.
     */
    public Mono<String> shortReply(StreamingChatModel model, List<ChatMessage> messages, int maxTokens, int maxChars,
                                   Duration limit) {
        Objects.requireNonNull(model, "model must not be null");
        ChatRequest request = ChatRequest.builder().messages(messages).parameters(tokenCap(model, maxTokens)).build();
        String backend = backendOf(model);
        return Mono.defer(() -> {
            StringBuilder reply = new StringBuilder();
            return Flux.<String>create(sink -> new Relay(backend, sink, limit, limit).start(model, request))
                    .subscribeOn(Schedulers.boundedElastic())
                    .concatMap(delta -> {
                        reply.append(delta);
                        return reply.length() <= maxChars ? Mono.<Void>empty()
                                : Mono.<Void>error(new LlmException("%s replied with more than %d characters".formatted(backend, maxChars)));
                    })
                    .then(Mono.fromSupplier(reply::toString));
        });
    }

    /**
     * The cap as the model's own default carries it: OpenAI's cloud is given {@code max_completion_tokens}, which its
     * newer models require and which must not be sent beside {@code max_tokens}; every other server {@code max_tokens}
     * or its equivalent.
     */
    private static ChatRequestParameters tokenCap(StreamingChatModel model, int maxTokens) {
        if (model.defaultRequestParameters() instanceof OpenAiChatRequestParameters defaults && defaults.maxCompletionTokens() != null) {
            return OpenAiChatRequestParameters.builder().maxCompletionTokens(maxTokens).build();
        }
        return ChatRequestParameters.builder().maxOutputTokens(maxTokens).build();
    }

    private static String backendOf(StreamingChatModel model) {
        return model.provider().name().toLowerCase().replace("_", "");
    }

    /** One call: LangChain4j's callbacks in, Reactor signals out, and the timers and the abort in between. */
    private final class Relay implements StreamingChatResponseHandler {

        private final String backend;
        private final FluxSink<String> sink;
        private final Duration firstTokenLimit;
        private final Duration overallLimit;
        private final UpstreamCall call = new UpstreamCall();
        private final AtomicBoolean finished = new AtomicBoolean();
        // FluxSink keeps a single onDispose hook: all timers go into this one
        private final Disposable.Composite timers = Disposables.composite();
        private final java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile Disposable firstTokenTimer = Disposables.disposed();
        // replaced with each delta: the silence limit counts from the latest one
        private final Disposable.Swap idleTimer = Disposables.swap();
        private boolean handleRegistered;

        Relay(String backend, FluxSink<String> sink, Duration firstTokenLimit, Duration overallLimit) {
            this.backend = backend;
            this.sink = sink;
            this.firstTokenLimit = firstTokenLimit;
            this.overallLimit = overallLimit;
            timers.add(idleTimer);
            // a cancel comes from whoever subscribed, often a Netty event loop: the abort closes the body stream,
            // which takes a lock, so it runs where blocking is allowed
            sink.onCancel(() -> timer.schedule(call::abort));
            sink.onDispose(timers);
            // LangChain4j 1.19 drops events it cannot parse (seen with Ollama and Anthropic): a body that ends
            // without its closing event would otherwise leave the subscriber waiting for the time-out
            call.whenBodyEnded(() -> {
                if (!finished.get() && !call.isAborted()) {
                    sink.error(new LlmException(backend + " ended the stream without a complete answer"));
                }
            });
        }

        void start(StreamingChatModel model, ChatRequest request) {
            firstTokenTimer = expireAfter(firstTokenLimit, "sent no token within " + firstTokenLimit);
            expireAfter(overallLimit, "did not finish within " + overallLimit);
            try {
                call.start(() -> model.chat(request, this));
            } catch (RuntimeException e) {
                sink.error(LlmException.from(backend, e));
            }
        }

        private Disposable expireAfter(Duration limit, String reason) {
            Disposable expiry = schedule(limit, reason);
            timers.add(expiry);
            return expiry;
        }

        private Disposable schedule(Duration limit, String reason) {
            return timer.schedule(() -> {
                // one limit ends the call: two firing at once (a short reply's first-token and overall limits are the
                // same) would reach the sink as a composite of both errors
                if (!expired.compareAndSet(false, true)) {
                    return;
                }
                // error first: an aborted body reads as a clean end, and the OpenAI client then reports completion
                sink.error(new LlmTimeoutException(backend + " " + reason));
                call.abort();
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

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
            if (idleTimeout.compareTo(overallLimit) < 0 && !idleTimer.isDisposed()) {
                idleTimer.update(schedule(idleTimeout, "stalled for " + idleTimeout + " after a token"));
            }
            sink.next(text);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            finished.set(true);
            if (!call.isAborted()) sink.complete();
        }

        @Override
        public void onError(Throwable error) {
            finished.set(true);
            // after an abort LangChain4j reports the closed body; the subscriber is gone or has its time-out
            if (!call.isAborted()) sink.error(LlmException.from(backend, error));
        }
    }
}
