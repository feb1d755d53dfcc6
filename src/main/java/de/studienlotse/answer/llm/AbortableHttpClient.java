package de.studienlotse.answer.llm;

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
 */
final class AbortableHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;

    private AbortableHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
        if (connectTimeout != null) builder.connectTimeout(connectTimeout);
        this.jdk = builder.build();
        this.readTimeout = readTimeout;
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
            throw new IllegalStateException("request to " + request.url() + " failed", e);
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
                    ignoringExceptions(() -> listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause));
                    return null;
                });
    }

    private static void relay(HttpResponse<InputStream> response, UpstreamCall call, ServerSentEventParser parser,
                              ServerSentEventListener listener) {
        InputStream body = response.body();
        call.onAbort(() -> closeQuietly(body));
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
            return new AbortableHttpClient(connectTimeout, readTimeout);
        }
    }
}
