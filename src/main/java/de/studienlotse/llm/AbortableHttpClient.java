package de.studienlotse.llm;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP client seam, on {@code java.net.http} like its {@code JdkHttpClient}, but each streaming
 * exchange registers with the {@link UpstreamCall} that started it: the request future until headers arrive
 * ({@code cancel(true)} aborts the exchange, see {@link java.net.http.HttpClient#sendAsync}), then the response body
 * (closing it before the end closes an HTTP/1.1 connection, resets an HTTP/2 stream).
 * <p>
 * Behaves like {@code JdkHttpClient} 1.19 otherwise: non-2xx becomes {@link HttpException} with the body, a request
 * timeout becomes LangChain4j's {@link TimeoutException}, and the body is parsed on the client's executor thread.
 * <p>
 * A stream counts as complete only with its provider's end marker ({@link StreamEnd}): an error event, or a body that
 * ends without the marker, reaches LangChain4j's listener as {@link StreamFaultException} instead of a close, so no
 * provider's client can take a cut-off answer for a whole one.
 */
final class AbortableHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final StreamEnd ending;

    private AbortableHttpClient(Duration connectTimeout, Duration readTimeout, StreamEnd ending) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
        if (connectTimeout != null) builder.connectTimeout(connectTimeout);
        this.jdk = builder.build();
        this.readTimeout = readTimeout;
        this.ending = ending;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response = jdk.send(toJdk(request), BodyHandlers.ofString(UTF_8));
            if (!isSuccessful(response.statusCode())) throw new HttpException(response.statusCode(), response.body());
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.url(), e);
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.url() + " failed: " + describe(e), e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        UpstreamCall call = UpstreamCall.starting().orElseGet(UpstreamCall::new);
        CompletableFuture<HttpResponse<InputStream>> exchange = jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
        call.onAbort(() -> exchange.cancel(true));
        exchange.thenAccept(response -> relay(response, call, parser, listener))
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    ignoringExceptions(() -> listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause)
                            // the JDK's ConnectException has no message: say where and what, not "(no detail)"
                            : cause instanceof IOException io ? new IOException("cannot reach " + origin(request.url()) + ": " + describe(io), io)
                            : cause));
                    return null;
                });
    }

    private void relay(HttpResponse<InputStream> response, UpstreamCall call, ServerSentEventParser parser,
                       ServerSentEventListener downstream) {
        InputStream body = response.body();
        call.onAbort(() -> closeQuietly(body));
        ServerSentEventListener listener = ending == null ? downstream : new EndMarkerListener(downstream, ending, body);
        if (!isSuccessful(response.statusCode())) {
            HttpException error = new HttpException(response.statusCode(), readQuietly(body));
            ignoringExceptions(() -> listener.onError(error));
            return;
        }
        SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .build();
        ignoringExceptions(() -> listener.onOpen(opened));
        try (body) {
            parser.parse(body, listener);
        } catch (IOException e) {
            ignoringExceptions(() -> listener.onError(e));
            return;
        }
        ignoringExceptions(listener::onClose);
        call.bodyEnded();
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not needed for chat and not supported here");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) values.forEach(value -> builder.header(name, value));
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), UTF_8));
        if (readTimeout != null) builder.timeout(readTimeout);
        return builder.build();
    }

    /** Scheme, host and port of {@code url}: where a connection failed, without path or query. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    /** The failure's message, or at least its kind and that of its causes when the JDK gives none. */
    private static String describe(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getClass().getSimpleName() + ": " + t.getMessage();
            if (!kinds.isEmpty()) kinds.append(" caused by ");
            kinds.append(t.getClass().getSimpleName());
        }
        return kinds + (failure instanceof java.net.ConnectException ? " (connection refused or host unreachable)" : "");
    }

    private static boolean isSuccessful(int status) {
        return status >= 200 && status < 300;
    }

    private static String readQuietly(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), UTF_8);
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is being torn down; nothing left to do
        }
    }

    /** Receives the timeouts each LangChain4j model derives from its {@code timeout(...)} setting. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;
        private StreamEnd ending;

        /** How the provider's stream ends; without it a stream is taken as complete when its body ends. */
        Builder ending(StreamEnd ending) {
            this.ending = ending;
            return this;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        @Override
        public AbortableHttpClient build() {
            return new AbortableHttpClient(connectTimeout, readTimeout, ending);
        }
    }

    /**
     * Watches the events on their way to LangChain4j: an error event, or the end of the body before the end marker,
     * is reported once as {@link StreamFaultException} through {@code onError}, and nothing after it is passed on.
     */
    private static final class EndMarkerListener implements ServerSentEventListener {

        private final ServerSentEventListener downstream;
        private final StreamEnd ending;
        private final InputStream body;
        private boolean ended;
        private boolean faulted;

        EndMarkerListener(ServerSentEventListener downstream, StreamEnd ending, InputStream body) {
            this.downstream = downstream;
            this.ending = ending;
            this.body = body;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            downstream.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (inspect(event)) downstream.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (inspect(event)) downstream.onEvent(event);
        }

        /** Whether the event may go on to LangChain4j. */
        private boolean inspect(ServerSentEvent event) {
            if (faulted) return false;
            var error = ending.error(event);
            if (error.isPresent()) {
                fault(new StreamFaultException("sent an error event: " + error.get()));
                closeQuietly(body); // the server may keep the connection open after its error
                return false;
            }
            if (ending.isEnd(event)) ended = true;
            return true;
        }

        @Override
        public void onError(Throwable error) {
            if (!faulted) downstream.onError(error);
        }

        @Override
        public void onClose() {
            if (faulted) return;
            if (!ended) {
                fault(new StreamFaultException("ended the stream without its end marker (" + ending.marker() + ")"));
                return;
            }
            downstream.onClose();
        }

        private void fault(StreamFaultException fault) {
            faulted = true;
            ignoringExceptions(() -> downstream.onError(fault));
        }
    }
}
