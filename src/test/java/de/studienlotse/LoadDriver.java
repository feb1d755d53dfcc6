package de.studienlotse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real clients for the load and fault proofs: {@code workers} virtual threads, each asking one question after the
 * other on {@code POST /api/chat/stream} (JDK HTTP client, HTTP/1.1, its own connection per stream) and rating each
 * finished answer on {@code POST /api/feedback}, until the time is up. Nothing is judged here: every exchange is
 * recorded as an {@link Outcome} with its times, and the tests decide what counts as an error.
 */
final class LoadDriver {

    /** Questions the study answers (and one it does not), so answers differ in length and sources. */
    static final List<String> QUESTIONS = List.of(
            "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?",
            "Wie lange hat die Einführung bei B5 gedauert?",
            "Welche Tipps gibt die Studie für die Kundenberatung?",
            "Welche Erfolgsfaktoren nennt die Studie?",
            "War der Betriebsrat bei P2 beteiligt?",
            "Wie wurden die Mitarbeitenden bei der Einführung eingebunden?",
            "Was ist das Fazit der Studie?",
            "Welche Rolle spielte der Datenschutz in der Buchhaltung?",
            "Wie wird das Wetter morgen?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than any answer takes under this load; a stream still open then is broken. */
    private static final Duration STREAM_LIMIT = Duration.ofSeconds(120);
    /** Longer than the service's own limits for a rating (two steps of studienlotse.feedback.timeout each). */
    private static final Duration RATING_LIMIT = Duration.ofSeconds(60);
    /**
     * One question and its rating; times in nanoseconds of {@link System#nanoTime()}, 0 where it did not happen.
     *
     * @param events          the stream's event names in order
     * @param failure         what broke the exchange on the client's side (I/O, time-out), else null
     * @param feedbackStatus  0 when no rating was sent (no finished answer, or one that says it cannot be rated)
     * @param feedbackAnswered when the rating's answer (or its failure) came
     * @param unrateable      the {@code done} event said the answer could not be stored and so cannot be rated: no
     *                        rating is sent, as the widget sends none
     */
    record Outcome(long started, int status, long firstByte, long finished, List<String> events, String messageId,
                   String failure, long feedbackSent, int feedbackStatus, String feedbackType, String feedbackBody,
                   String retryAfter, long feedbackAnswered, boolean unrateable) {

        boolean streamOk() {
            return failure == null && status == 200 && !events.isEmpty() && "done".equals(events.getLast())
                    && !events.contains("error") && messageId != null;
        }

        boolean rated() {
            return feedbackStatus >= 200 && feedbackStatus < 300;
        }

        double millisToFirstByte() {
            return (firstByte - started) / 1e6;
        }

        double millisToDone() {
            return (finished - started) / 1e6;
        }
    }

    private final URI base;
    private final HttpClient http;

    LoadDriver(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Runs {@code workers} clients for {@code duration}; each exchange under way then is finished and recorded too. */
    List<Outcome> run(int workers, Duration duration, boolean rate) {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().name("load-" + w).start(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    outcomes.add(exchange(worker, QUESTIONS.get((worker + i) % QUESTIONS.size()), rate));
                }
            }));
        }
        long patience = deadline + STREAM_LIMIT.plusSeconds(30).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1_000_000, patience - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (thread.isAlive()) {
                outcomes.add(new Outcome(deadline, 0, 0, 0, List.of(), null, thread.getName() + " never finished", 0, 0,
                        null, null, null, 0, false));
            }
        }
        return new ArrayList<>(outcomes);
    }

    private Outcome exchange(int worker, String question, boolean rate) {
        long started = System.nanoTime();
        long firstByte = 0;
        int status = 0;
        List<String> events = new ArrayList<>();
        String messageId = null;
        boolean unrateable = false;
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/chat/stream"))
                    .timeout(STREAM_LIMIT)
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("message", question))))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            String event = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (firstByte == 0) {
                        firstByte = System.nanoTime();
                    }
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                        events.add(event);
                    } else if (line.startsWith("data:") && "done".equals(event)) {
                        JsonNode done = JSON.readTree(line.substring(5));
                        messageId = done.path("messageId").asString(null);
                        unrateable = !done.path("rateable").asBoolean(true);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(started, status, firstByte, 0, events, messageId, e.toString(), 0, 0, null, null, null, 0, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(started, status, firstByte, 0, events, messageId, "interrupted", 0, 0, null, null, null, 0, false);
        }
        long finished = System.nanoTime();
        if (!rate || messageId == null || status != 200 || unrateable) {
            return new Outcome(started, status, firstByte, finished, events, messageId, null, 0, 0, null, null, null, 0,
                    unrateable);
        }
        long feedbackSent = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/feedback"))
                    .timeout(RATING_LIMIT)
                    .header("Content-Type", "application/json").header("X-Client-Id", "load-" + worker)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("messageId", messageId, "rating", worker % 2 == 0 ? "up" : "down"))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(started, status, firstByte, finished, events, messageId, null, feedbackSent,
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), System.nanoTime(), false);
        } catch (IOException | RuntimeException e) {
            return new Outcome(started, status, firstByte, finished, events, messageId, "feedback: " + e, feedbackSent,
                    0, null, null, null, System.nanoTime(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(started, status, firstByte, finished, events, messageId, "interrupted", feedbackSent, 0,
                    null, null, null, System.nanoTime(), false);
        }
    }

    /** Ends every connection still open. */
    void close() {
        http.shutdownNow();
    }

    /** The JSON of a problem detail, or a missing node. */
    /** One rating, sent and answered (for probes beside the load); a broken connection is status 0. */
    HttpResponse<String> rate(String messageId, String clientId, String rating) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/api/feedback"))
                    .timeout(RATING_LIMIT)
                    .header("Content-Type", "application/json").header("X-Client-Id", clientId)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("messageId", messageId, "rating", rating))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }

    /** Resident memory of this JVM now and at its peak ({@code VmRSS}, {@code VmHWM}), in MiB. */
    static long[] residentMiB() {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) rss = kib(line);
                if (line.startsWith("VmHWM:")) peak = kib(line);
            }
            return new long[] {rss / 1024, peak / 1024};
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/self/status: the RSS bound is checked on Linux only", e);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** The {@code q}-quantile (0..1) of {@code values}, nearest rank. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }
}
