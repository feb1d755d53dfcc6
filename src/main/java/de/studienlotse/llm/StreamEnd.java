package de.studienlotse.llm;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each provider's stream says it is complete, and how it reports an error after its 200 headers. LangChain4j 1.19
 * completes an OpenAI-compatible answer on the end of the body whether or not {@code data: [DONE]} came, and passes
 * over a {@code data: {"error":…}} event (llama.cpp's way to fail mid-stream): a cut-off answer would look whole. So
 * {@link AbortableHttpClient} reads every event through this, before LangChain4j does.
 */
enum StreamEnd {

    /** Chat completions: {@code data: [DONE]}; errors as {@code event: error} or a data object with {@code error}. */
    OPENAI("data: [DONE]") {
        @Override
        boolean isEnd(ServerSentEvent event) {
            return event.data() != null && "[DONE]".equals(event.data().strip());
        }

        @Override
        Optional<String> error(ServerSentEvent event) {
            if ("error".equals(event.event())) return Optional.of(describe(event.data()));
            return errorField(event.data());
        }
    },

    /** Messages: {@code event: message_stop}; errors as {@code event: error}. */
    ANTHROPIC("message_stop") {
        @Override
        boolean isEnd(ServerSentEvent event) {
            return "message_stop".equals(event.event()) || typeIs(event.data(), "message_stop");
        }

        @Override
        Optional<String> error(ServerSentEvent event) {
            if ("error".equals(event.event()) || typeIs(event.data(), "error")) return Optional.of(describe(event.data()));
            return Optional.empty();
        }
    },

    /** {@code /api/chat} NDJSON: a line with {@code "done": true}; errors as a line with {@code error}. */
    OLLAMA("done: true") {
        @Override
        boolean isEnd(ServerSentEvent event) {
            return event.data() != null && DONE.matcher(event.data()).find() && json(event.data())
                    .map(node -> node.path("done").asBoolean(false)).orElse(false);
        }

        @Override
        Optional<String> error(ServerSentEvent event) {
            return errorField(event.data());
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DONE = Pattern.compile("\"done\"\\s*:\\s*true");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:");

    private final String marker;

    StreamEnd(String marker) {
        this.marker = marker;
    }

    /** The end marker as the provider writes it, for messages. */
    String marker() {
        return marker;
    }

    /** Whether this event says the answer is complete. */
    abstract boolean isEnd(ServerSentEvent event);

    /** The provider's message if this event reports an error. */
    abstract Optional<String> error(ServerSentEvent event);

    private static Optional<String> errorField(String data) {
        if (data == null || !ERROR.matcher(data).find()) return Optional.empty();
        return json(data).filter(node -> node.has("error")).map(node -> describe(node.get("error")));
    }

    private static boolean typeIs(String data, String type) {
        if (data == null || !TYPE.matcher(data).find()) return false;
        return json(data).map(node -> type.equals(node.path("type").asString(""))).orElse(false);
    }

    private static String describe(String data) {
        if (data == null || data.isBlank()) return "(no detail)";
        return json(data).map(node -> node.has("error") ? describe(node.get("error")) : data.strip()).orElse(data.strip());
    }

    /** The error's own message where the provider gives one ({@code error.message}, or {@code error} as text). */
    private static String describe(JsonNode error) {
        if (error.isString()) return error.asString();
        JsonNode message = error.path("message");
        return message.isString() ? message.asString() : error.toString();
    }

    private static Optional<JsonNode> json(String data) {
        String text = data.strip();
        if (!text.startsWith("{")) return Optional.empty();
        try {
            return Optional.of(JSON.readTree(text));
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours to judge: LangChain4j reports a malformed event itself
        }
    }
}
