package de.studienlotse.llm;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model server on 127.0.0.1 that speaks one provider's streaming wire protocol, for LangChain4j's real clients.
 * <p>
 * Plain sockets rather than an HTTP server library: while a response waits (between chunks, or stalled) the server
 * reads its socket, and end-of-stream there is the client hanging up. So "did the client cancel?" is observable in
 * every phase, before the headers too, without writing a byte. One request per connection ({@code Connection: close}).
 * Public for tests of other packages that script a model reply (the evaluation's LLM judge).
 */
public final class FakeLlmServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A stalled response gives up after this, so that a test that fails leaves no thread behind for long. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(10);

    private final Protocol protocol;
    /** The model name the app is configured with; the fake answers any name it is sent. */
    private final String model;
    private final ServerSocket serverSocket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private volatile CountDownLatch hangUp = new CountDownLatch(1);
    private final AtomicInteger chunksSent = new AtomicInteger();

    private volatile Mode mode = Mode.STREAM;
    private volatile List<String> chunks = List.of("Hallo");
    private volatile Duration delay = Duration.ZERO;
    private volatile int errorStatus;
    private volatile String errorMessage = "";
    private volatile java.util.function.Function<RecordedRequest, String> replier;
    private volatile int pauseAfter = Integer.MAX_VALUE;
    private volatile CountDownLatch resume = new CountDownLatch(1);
    /** Replies by prompt, beside the main script: a test can script the query rewrite apart from the answer. */
    private final List<Route> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> routedRequests = new LinkedBlockingQueue<>();
    private volatile java.util.function.Function<String, float[]> embedder;
    private volatile List<String> models = List.of();
    private final AtomicInteger modelListRequests = new AtomicInteger();
    private final List<String> embedded = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeLlmServer(Protocol protocol, String model) throws IOException {
        this.protocol = protocol;
        this.model = model;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-" + protocol.name().toLowerCase(Locale.ROOT)).start(this::accept);
    }

    public static FakeLlmServer start(Protocol protocol) {
        return start(protocol, "fake-" + protocol.provider());
    }

    public static FakeLlmServer start(Protocol protocol, String model) {
        try {
            return new FakeLlmServer(protocol, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points the app's {@code studienlotse.llm.*} at this server: its protocol's provider, its base URL and model name.
     *
     * @param apiKey {@code null} for none
     */
    public void configure(DynamicPropertyRegistry registry, String apiKey, Duration firstTokenTimeout, Duration timeout) {
        registry.add("studienlotse.llm.provider", protocol::provider);
        registry.add("studienlotse.llm.base-url", this::baseUrl);
        registry.add("studienlotse.llm.model", this::model);
        if (apiKey != null) registry.add("studienlotse.llm.api-key", () -> apiKey);
        registry.add("studienlotse.llm.first-token-timeout", firstTokenTimeout::toString);
        registry.add("studienlotse.llm.timeout", timeout::toString);
    }

    public Protocol protocol() {
        return protocol;
    }

    public String model() {
        return model;
    }

    // --- script

    /** Answers 200 and streams these text chunks, one protocol event each. */
    public FakeLlmServer streams(String... chunks) {
        this.mode = Mode.STREAM;
        this.chunks = List.of(chunks);
        return this;
    }

    /** Waits this long before each chunk after the first. */
    public FakeLlmServer delayBetweenChunks(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Holds back the chunks after the first {@code count} until {@link #resume()}, noticing a hang-up meanwhile: deterministic even on a cold JVM. */
    public FakeLlmServer pausesAfter(int count) {
        this.pauseAfter = count;
        return this;
    }

    /** Lets a paused stream go on. */
    public void resume() {
        resume.countDown();
    }

    /** Answers with this status and the provider's error body. */
    public FakeLlmServer failsWith(int status) {
        this.mode = Mode.ERROR;
        this.errorStatus = status;
        return this;
    }

    /** Streams these chunks and the closing events, but not the end marker ({@code [DONE]}, {@code message_stop}, {@code done: true}), then ends cleanly. */
    public FakeLlmServer streamsWithoutEndMarker(String... chunks) {
        this.mode = Mode.NO_END_MARKER;
        this.chunks = List.of(chunks);
        return this;
    }

    /** Streams these chunks, then the provider's error event with {@code message} (llama.cpp's failure mode), then ends. */
    public FakeLlmServer streamsThenErrorEvent(String message, String... chunks) {
        this.mode = Mode.ERROR_EVENT;
        this.errorMessage = message;
        this.chunks = List.of(chunks);
        return this;
    }

    /**
     * Computes each reply from the request, as a model would that does whatever its prompt says; the reply is streamed
     * in pieces of a few characters, so that markers, tags and links arrive split.
     */
    public FakeLlmServer repliesWith(java.util.function.Function<RecordedRequest, String> replier) {
        this.mode = Mode.DYNAMIC;
        this.replier = replier;
        return this;
    }

    /** The models the list endpoint names ({@code GET /v1/models}, {@code /api/tags}, {@code /v1/models/{id}}). */
    public FakeLlmServer listsModels(String... names) {
        this.models = List.of(names);
        return this;
    }

    /** Requests to the model list endpoint so far. */
    public int modelListRequests() {
        return modelListRequests.get();
    }

    /** Streams these chunks, then drops the connection in the middle of the body (a reset, no last chunk). */
    public FakeLlmServer dropsConnectionAfter(String... chunks) {
        this.mode = Mode.DISCONNECT;
        this.chunks = List.of(chunks);
        return this;
    }

    /** Answers 200, then an event that is not valid JSON, then ends. */
    public FakeLlmServer sendsMalformedBody() {
        this.mode = Mode.MALFORMED;
        return this;
    }

    /** Sends the 200 headers, then nothing until the client hangs up. */
    public FakeLlmServer stallsAfterHeaders() {
        this.mode = Mode.STALL_AFTER_HEADERS;
        return this;
    }

    /** Reads the request, then sends nothing at all until the client hangs up. */
    public FakeLlmServer stallsBeforeHeaders() {
        this.mode = Mode.STALL_BEFORE_HEADERS;
        return this;
    }

    /**
     * Answers every request whose prompt (any string of its JSON body) contains {@code marker} with {@code reply} in
     * one chunk, whatever the main script says. Such requests are kept apart ({@link #takeRoutedRequest()}) and leave
     * the observations of the main script (requests, hang-up, chunk count) alone.
     */
    public FakeLlmServer answersPromptsContaining(String marker, String reply) {
        routes.add(new Route(marker, 0, reply));
        return this;
    }

    /** Like {@link #answersPromptsContaining}, but sends only the 200 headers and then nothing until the client hangs up. */
    public FakeLlmServer stallsPromptsContaining(String marker) {
        routes.add(new Route(marker, -1, null));
        return this;
    }

    /** Like {@link #answersPromptsContaining}, but with this status and the provider's error body. */
    public FakeLlmServer failsPromptsContaining(String marker, int status) {
        routes.add(new Route(marker, status, null));
        return this;
    }

    /**
     * Answers the provider's embedding endpoint ({@code /v1/embeddings}, Ollama's {@code /api/embed}) with one vector
     * per input, as {@code vectors} computes it from the text.
     */
    public FakeLlmServer embeds(java.util.function.Function<String, float[]> vectors) {
        this.embedder = vectors;
        return this;
    }

    /** Every text the embedding endpoint was asked to embed, in order. */
    public List<String> embeddedTexts() {
        return List.copyOf(embedded);
    }

    /**
     * Back to a plain "Hallo" stream with fresh observations (requests, hang-up, chunk count), for a server shared by
     * several tests, e.g. one a Spring context points at. Connections still open keep reporting to the old ones.
     */
    public FakeLlmServer reset() {
        mode = Mode.STREAM;
        chunks = List.of("Hallo");
        delay = Duration.ZERO;
        errorStatus = 0;
        pauseAfter = Integer.MAX_VALUE;
        resume.countDown();
        resume = new CountDownLatch(1);
        requests.clear();
        routes.clear();
        embedder = null;
        models = List.of();
        modelListRequests.set(0);
        routedRequests.clear();
        embedded.clear();
        hangUp = new CountDownLatch(1);
        chunksSent.set(0);
        return this;
    }

    // --- observations

    /** Base URL as the provider's LangChain4j client expects it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + protocol.basePath;
    }

    /** The next request received, waiting up to 5 s. */
    public RecordedRequest takeRequest() {
        try {
            RecordedRequest request = requests.poll(5, TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("no request reached the fake " + protocol + " server");
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next request a route answered, waiting up to 5 s. */
    public RecordedRequest takeRoutedRequest() {
        try {
            RecordedRequest request = routedRequests.poll(5, TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("no routed request reached the fake " + protocol + " server");
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Requests routes answered so far and not taken. */
    public int routedRequestCount() {
        return routedRequests.size();
    }

    /** Whether the client closed the connection before the response was complete, waiting up to {@code limit}. */
    public boolean awaitHangUp(Duration limit) {
        try {
            return hangUp.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Text chunks written (or being written) so far. */
    public int chunksSent() {
        return chunksSent.get();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        openSockets.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        connections.shutdownNow();
    }

    // --- serving

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                openSockets.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        CountDownLatch hangUp = this.hangUp; // this connection's, even if a test resets the server meanwhile
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RecordedRequest request = readRequest(in);
            String model = request.json().path("model").asString("fake-model");
            if (request.path().endsWith(protocol.embedPath())) {
                embed(out, request, model);
                return;
            }
            if ("GET".equals(request.method())) {
                modelListRequests.incrementAndGet();
                listModels(out, request);
                return;
            }
            String prompt = String.join("\n", request.texts());
            Route route = routes.stream().filter(r -> prompt.contains(r.marker())).findFirst().orElse(null);
            if (route != null) {
                routedRequests.add(request);
                if (route.status() < 0) {
                    writeStreamHeaders(out);
                    watchForHangUp(socket, in, STALL_LIMIT, new CountDownLatch(1));
                } else if (route.status() != 0) {
                    writeError(out, route.status(), protocol.errorBody(route.status(), request));
                } else {
                    writeStreamHeaders(out);
                    for (String event : protocol.opening(model)) writeChunk(out, event);
                    writeChunk(out, protocol.delta(model, route.reply()));
                    for (String event : protocol.closing(model, 1)) writeChunk(out, event);
                    writeLastChunk(out);
                }
                return;
            }
            requests.add(request);
            switch (mode) {
                case STALL_BEFORE_HEADERS -> watchForHangUp(socket, in, STALL_LIMIT, hangUp);
                case ERROR -> writeError(out, errorStatus, protocol.errorBody(errorStatus, request));
                case STALL_AFTER_HEADERS -> {
                    writeStreamHeaders(out);
                    watchForHangUp(socket, in, STALL_LIMIT, hangUp);
                }
                case MALFORMED -> {
                    writeStreamHeaders(out);
                    writeChunk(out, protocol.malformedEvent());
                    writeLastChunk(out);
                }
                case STREAM -> stream(socket, in, out, model, hangUp, chunks);
                case DYNAMIC -> stream(socket, in, out, model, hangUp, pieces(replier.apply(request), 7));
                case NO_END_MARKER -> {
                    writeStreamHeaders(out);
                    for (String event : protocol.opening(model)) writeChunk(out, event);
                    for (String text : chunks) writeChunk(out, protocol.delta(model, text));
                    List<String> closing = protocol.closing(model, chunks.size());
                    for (String event : closing.subList(0, closing.size() - 1)) writeChunk(out, event);
                    writeLastChunk(out);
                }
                case DISCONNECT -> {
                    writeStreamHeaders(out);
                    for (String event : protocol.opening(model)) writeChunk(out, event);
                    for (String text : chunks) writeChunk(out, protocol.delta(model, text));
                    socket.setSoLinger(true, 0); // closing now sends a reset: a crashed server, not a finished reply
                }
                case ERROR_EVENT -> {
                    writeStreamHeaders(out);
                    for (String event : protocol.opening(model)) writeChunk(out, event);
                    for (String text : chunks) writeChunk(out, protocol.delta(model, text));
                    writeChunk(out, protocol.errorEvent(errorMessage));
                    writeLastChunk(out);
                }
            }
        } catch (SocketException e) {
            hangUp.countDown(); // a write into a connection the client has reset
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            openSockets.remove(socket);
        }
    }

    private void listModels(OutputStream out, RecordedRequest request) throws IOException {
        String path = request.path();
        String body;
        int status = 200;
        if (path.startsWith("/v1/models/")) {
            String id = java.net.URLDecoder.decode(path.substring("/v1/models/".length()), UTF_8);
            status = models.contains(id) ? 200 : 404;
            body = status == 200 ? json(object("type", "model", "id", id, "display_name", id))
                    : json(object("type", "error", "error", object("type", "not_found_error", "message", "model: " + id)));
        } else if (path.endsWith("/api/tags")) {
            body = json(object("models", models.stream().map(name -> object("name", name, "model", name)).toList()));
        } else {
            body = json(object("object", "list", "data", models.stream().map(name -> object("id", name, "object", "model")).toList()));
        }
        byte[] bytes = body.getBytes(UTF_8);
        out.write(("HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private void embed(OutputStream out, RecordedRequest request, String model) throws IOException {
        java.util.function.Function<String, float[]> vectors = embedder;
        if (vectors == null) {
            writeError(out, 404, protocol.errorBody(404, request));
            return;
        }
        JsonNode input = request.json().path("input");
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(node -> texts.add(node.asString()));
        } else {
            texts.add(input.asString());
        }
        embedded.addAll(texts);
        byte[] body = protocol.embeddings(model, texts.stream().map(vectors).toList()).getBytes(UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        return pieces;
    }

    private void stream(Socket socket, InputStream in, OutputStream out, String model, CountDownLatch hangUp,
                        List<String> text) throws IOException {
        writeStreamHeaders(out);
        for (String event : protocol.opening(model)) writeChunk(out, event);
        for (int i = 0; i < text.size(); i++) {
            if (i == pauseAfter && awaitResume(socket, in, hangUp)) return;
            if (i > 0 && delay.isPositive() && watchForHangUp(socket, in, delay, hangUp)) return;
            chunksSent.incrementAndGet(); // before the write, so a client that sees the chunk sees the count
            writeChunk(out, protocol.delta(model, text.get(i)));
        }
        for (String event : protocol.closing(model, text.size())) writeChunk(out, event);
        writeLastChunk(out);
    }

    /** Waits for {@link #resume()} while reading the socket, as a stall does; true if the client hung up meanwhile. */
    private boolean awaitResume(Socket socket, InputStream in, CountDownLatch hangUp) throws IOException {
        CountDownLatch resume = this.resume;
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        while (resume.getCount() > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("never resumed");
            if (watchForHangUp(socket, in, Duration.ofMillis(20), hangUp)) return true;
        }
        return false;
    }

    /** Reads the socket for up to {@code limit}; true if the client hung up meanwhile. */
    private static boolean watchForHangUp(Socket socket, InputStream in, Duration limit, CountDownLatch hangUp) throws IOException {
        socket.setSoTimeout((int) Math.max(1, limit.toMillis()));
        try {
            if (in.read() == -1) {
                hangUp.countDown();
                return true;
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            hangUp.countDown(); // reset rather than closed
            return true;
        }
    }

    private static RecordedRequest readRequest(InputStream in) throws IOException {
        String[] requestLine = readLine(in).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), UTF_8);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) throw new IOException("connection closed inside the request head");
            if (b != '\r') line.write(b);
        }
        return line.toString(ISO_8859_1);
    }

    private void writeStreamHeaders(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + protocol.contentType
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.flush();
    }

    private static void writeChunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(ISO_8859_1));
        out.flush();
    }

    private static void writeLastChunk(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(ISO_8859_1));
        out.flush();
    }

    private static void writeError(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        out.write(("HTTP/1.1 " + status + " Error\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Builds a JSON object in the given key order; values may be null, as providers send them. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    private enum Mode { DYNAMIC, STREAM, ERROR, MALFORMED, STALL_AFTER_HEADERS, STALL_BEFORE_HEADERS, NO_END_MARKER, ERROR_EVENT, DISCONNECT }

    private record Route(String marker, int status, String reply) {
    }

    /** One request as it arrived on the socket. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

        /** Header by lower-case name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        /** Every string in the body: the prompts, wherever the provider's format puts them. */
        public List<String> texts() {
            List<String> texts = new ArrayList<>();
            collect(json(), texts);
            return texts;
        }

        private static void collect(JsonNode node, List<String> texts) {
            if (node.isString()) texts.add(node.asString());
            for (JsonNode child : node) collect(child, texts);
        }
    }

    /** The three wire protocols, as their public API documentation shows them. */
    public enum Protocol {

        /** OpenAI chat completions: SSE {@code data:} lines with {@code choices[0].delta.content}, then {@code [DONE]}. */
        OPENAI("openai", "/v1", "/v1/chat/completions", "text/event-stream") {
            @Override
            List<String> opening(String model) {
                return List.of(data(chunk(model, object("role", "assistant", "content", ""), null)));
            }

            @Override
            String delta(String model, String text) {
                return data(chunk(model, object("content", text), null));
            }

            @Override
            List<String> closing(String model, int chunkCount) {
                return List.of(
                        data(chunk(model, object(), "stop")),
                        data(json(object("id", "chatcmpl-fake", "object", "chat.completion.chunk", "created", 1764150000,
                                "model", model, "choices", List.of(),
                                "usage", object("prompt_tokens", 42, "completion_tokens", chunkCount, "total_tokens", 42 + chunkCount)))),
                        "data: [DONE]\n\n");
            }

            @Override
            String errorBody(int status, RecordedRequest request) {
                // OpenAI echoes a rejected key (partly masked); the fake echoes it whole to test our own masking
                String message = status == 401
                        ? "Incorrect API key provided: " + String.valueOf(request.header("authorization")).replace("Bearer ", "")
                        : "The server had an error while processing your request.";
                return json(object("error", object("message", message, "type", status == 401 ? "invalid_request_error" : "server_error",
                        "param", null, "code", status == 401 ? "invalid_api_key" : null)));
            }

            @Override
            String malformedEvent() {
                return "data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\"delta\":{\"content\":\"Hal\n\n";
            }

            @Override
            String errorEvent(String message) {
                // llama.cpp's server when generation fails after the headers
                return data(json(object("error", object("code", 500, "message", message, "type", "server_error"))));
            }

            @Override
            String embedPath() {
                return "/v1/embeddings";
            }

            @Override
            String embeddings(String model, List<float[]> vectors) {
                List<Object> data = new ArrayList<>();
                for (int i = 0; i < vectors.size(); i++) {
                    data.add(object("object", "embedding", "index", i, "embedding", vectors.get(i)));
                }
                return json(object("object", "list", "data", data, "model", model,
                        "usage", object("prompt_tokens", 8 * vectors.size(), "total_tokens", 8 * vectors.size())));
            }

            private static String chunk(String model, Map<String, Object> delta, String finishReason) {
                return json(object("id", "chatcmpl-fake", "object", "chat.completion.chunk", "created", 1764150000, "model", model,
                        "choices", List.of(object("index", 0, "delta", delta, "logprobs", null, "finish_reason", finishReason))));
            }

            private static String data(String json) {
                return "data: " + json + "\n\n";
            }
        },

        /** Ollama {@code /api/chat}: one JSON object per line, the last with {@code "done":true} and the counts. */
        OLLAMA("ollama", "", "/api/chat", "application/x-ndjson") {
            @Override
            List<String> opening(String model) {
                return List.of();
            }

            @Override
            String delta(String model, String text) {
                return json(object("model", model, "created_at", "2026-11-26T10:00:00.000000Z",
                        "message", object("role", "assistant", "content", text), "done", false)) + "\n";
            }

            @Override
            List<String> closing(String model, int chunkCount) {
                return List.of(json(object("model", model, "created_at", "2026-11-26T10:00:01.000000Z",
                        "message", object("role", "assistant", "content", ""), "done", true, "done_reason", "stop",
                        "total_duration", 1_200_000_000L, "load_duration", 50_000_000L, "prompt_eval_count", 42,
                        "prompt_eval_duration", 300_000_000L, "eval_count", chunkCount, "eval_duration", 800_000_000L)) + "\n");
            }

            @Override
            String errorBody(int status, RecordedRequest request) {
                // an auth proxy in front of Ollama; the fake echoes the rejected key to test our own masking
                return json(object("error", status == 401 ? "unauthorized: " + request.header("authorization")
                        : status == 404 ? "model not found, try pulling it first" : "llama runner process has terminated"));
            }

            @Override
            String errorEvent(String message) {
                return json(object("error", message)) + "\n";
            }

            @Override
            String malformedEvent() {
                return "{\"model\":\"llama3.1\",\"message\":{\"role\":\"assistant\",\"content\":\"Hal\n";
            }

            @Override
            String embedPath() {
                return "/api/embed";
            }

            @Override
            String embeddings(String model, List<float[]> vectors) {
                return json(object("model", model, "embeddings", vectors, "total_duration", 14_000_000L,
                        "load_duration", 1_000_000L, "prompt_eval_count", 8 * vectors.size()));
            }
        },

        /** Anthropic messages: named SSE events from {@code message_start} to {@code message_stop}. */
        ANTHROPIC("anthropic", "/v1/", "/v1/messages", "text/event-stream") {
            @Override
            List<String> opening(String model) {
                return List.of(
                        event("message_start", object("type", "message_start", "message", object("id", "msg_fake", "type", "message",
                                "role", "assistant", "model", model, "content", List.of(), "stop_reason", null, "stop_sequence", null,
                                "usage", object("input_tokens", 42, "output_tokens", 1)))),
                        event("content_block_start", object("type", "content_block_start", "index", 0,
                                "content_block", object("type", "text", "text", ""))),
                        event("ping", object("type", "ping")));
            }

            @Override
            String delta(String model, String text) {
                return event("content_block_delta", object("type", "content_block_delta", "index", 0,
                        "delta", object("type", "text_delta", "text", text)));
            }

            @Override
            List<String> closing(String model, int chunkCount) {
                return List.of(
                        event("content_block_stop", object("type", "content_block_stop", "index", 0)),
                        event("message_delta", object("type", "message_delta",
                                "delta", object("stop_reason", "end_turn", "stop_sequence", null),
                                "usage", object("output_tokens", chunkCount))),
                        event("message_stop", object("type", "message_stop")));
            }

            @Override
            String errorBody(int status, RecordedRequest request) {
                // the fake echoes a rejected key to test our own masking
                return json(object("type", "error", "error", object(
                        "type", status == 529 ? "overloaded_error" : status == 401 ? "authentication_error" : "api_error",
                        "message", status == 529 ? "Overloaded" : status == 401 ? "invalid x-api-key: " + request.header("x-api-key")
                                : "Internal server error")));
            }

            @Override
            String errorEvent(String message) {
                return event("error", object("type", "error", "error", object("type", "overloaded_error", "message", message)));
            }

            @Override
            String malformedEvent() {
                return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\n\n";
            }

            private static String event(String name, Map<String, Object> data) {
                return "event: " + name + "\ndata: " + json(data) + "\n\n";
            }
        };

        private final String provider;
        private final String basePath;
        private final String chatPath;
        private final String contentType;

        Protocol(String provider, String basePath, String chatPath, String contentType) {
            this.provider = provider;
            this.basePath = basePath;
            this.chatPath = chatPath;
            this.contentType = contentType;
        }

        /** As {@code studienlotse.llm.provider} spells it. */
        public String provider() {
            return provider;
        }

        /** Where the provider's client posts a chat. */
        public String chatPath() {
            return chatPath;
        }

        /** Events before the first text chunk. */
        abstract List<String> opening(String model);

        /** The event carrying one text chunk. */
        abstract String delta(String model, String text);

        /** Events after the last text chunk: finish reason, usage, end marker. */
        abstract List<String> closing(String model, int chunkCount);

        abstract String errorBody(int status, RecordedRequest request);

        abstract String malformedEvent();

        /** The provider's error event after the headers, with this message. */
        abstract String errorEvent(String message);

        /** Where the provider's embedding endpoint is; Anthropic has none. */
        String embedPath() {
            return "/no-embeddings";
        }

        /** The provider's reply to an embedding request. */
        String embeddings(String model, List<float[]> vectors) {
            throw new UnsupportedOperationException(this + " has no embedding API");
        }
    }

    public static List<String> numberedChunks(int count) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) chunks.add("Satz " + i + ". ");
        return chunks;
    }
}
