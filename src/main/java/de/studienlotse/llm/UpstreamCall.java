package de.studienlotse.llm;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The HTTP exchange behind one model call, so that {@link ModelStream} can abort it in every phase.
 * <p>
 * LangChain4j 1.19 hands out its {@code StreamingHandle} only with the first partial response. Before that (a slow
 * prompt, a model still loading, a stalled server) nothing could cancel the exchange, so {@link AbortableHttpClient}
 * registers its request future and response body here as they come into being, and reports when the body ended.
 * <p>
 * NOTE: the call is found through a thread-local that is set only while {@code StreamingChatModel.chat(...)} runs:
 * LangChain4j's OpenAI, Anthropic and Ollama clients start their HTTP request synchronously inside that method,
 * and no other parameter reaches the HTTP client per call.
 */
final class UpstreamCall {

    private static final ThreadLocal<UpstreamCall> STARTING = new ThreadLocal<>();

    private final Queue<Runnable> aborts = new ConcurrentLinkedQueue<>();
    private volatile boolean aborted;
    private volatile Runnable whenBodyEnded = () -> { };

    /** Runs {@code start} (the {@code chat(...)} call) with this call visible to the HTTP client it reaches. */
    void start(Runnable start) {
        STARTING.set(this);
        try {
            start.run();
        } finally {
            STARTING.remove();
        }
    }

    /** The call whose {@code chat(...)} is running on this thread, if any. */
    static Optional<UpstreamCall> starting() {
        return Optional.ofNullable(STARTING.get());
    }

    /** Registers a way to abort; runs it at once if the call was aborted already. */
    void onAbort(Runnable abort) {
        aborts.add(abort);
        if (aborted) runAborts();
    }

    /** Aborts the exchange in whatever phase it is; idempotent. */
    void abort() {
        aborted = true;
        runAborts();
    }

    /** What to do once the response body is read to its end and the client has seen it close. */
    void whenBodyEnded(Runnable action) {
        this.whenBodyEnded = action;
    }

    /** Called by the HTTP client after the body ended and its listener heard {@code onClose()}. */
    void bodyEnded() {
        whenBodyEnded.run();
    }

    boolean isAborted() {
        return aborted;
    }

    private void runAborts() {
        for (Runnable abort; (abort = aborts.poll()) != null; ) {
            try {
                abort.run();
            } catch (RuntimeException ignored) {
                // closing a half-dead connection may throw; the exchange is gone either way
            }
        }
    }
}
