package de.studienlotse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executable jar as an operator gets it (after {@code package}; run by {@code ./mvnw verify}): it carries none of
 * the evaluation's baggage, and it serves, Werkbank runs included, from a working directory that is not the project.
 */
class ServingJarIT {

    /** What only the evaluation command needs: the embedding model, its ONNX runtime and tokenizer, unused codecs. */
    private static final Pattern BAGGAGE = Pattern.compile("BOOT-INF/lib/(onnxruntime|langchain4j-embeddings|tokenizers"
            + "|api-0\\.|jna-|netty-codec-(native|classes)-quic|netty-codec-http3|lucene-queryparser)[^/]*\\.jar"
            + "|.*/onnx/.*|BOOT-INF/classes/de/studienlotse/evaluation/(EasyRagBaseline|Bm25ChunkBaseline|BrochureSpans"
            + "|FaithfulnessJudge|EvaluationCommand|ReportBaselines)[.$].*");
    private static final long MAX_SIZE = 80L * 1024 * 1024;
    private static final String EVALUATOR = "evaluator:studienlotse-dev";

    private final Path jar = Path.of(System.getProperty("serving.jar", "target/studienlotse-0.1.0-SNAPSHOT.jar"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void should_hold_no_embedding_model_onnx_runtime_baseline_or_judge() throws IOException {
        // when
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
        // then
        assertThat(entries).filteredOn(name -> BAGGAGE.matcher(name).matches()).isEmpty();
        assertThat(entries).contains("BOOT-INF/classes/de/studienlotse/evaluation/EvaluationRunner.class",
                "BOOT-INF/classes/evaluation/questions.jsonl", "BOOT-INF/classes/corpus/studie-02-best-practices-ki-kmu.txt");
        assertThat(Files.size(jar)).as("jar size in bytes").isLessThanOrEqualTo(MAX_SIZE);
    }

    @Test
    void should_finish_a_werkbank_run_when_started_from_another_directory(@TempDir Path workingDirectory)
            throws Exception {
        // given the jar started where there is no evaluation/ folder
        int port = freePort();
        Path log = workingDirectory.resolve("service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--spring.main.banner-mode=off")
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitHealthy(port, service, log);

            // when an evaluator starts a run
            HttpResponse<String> started = http.send(request(port, "/api/evaluation/runs")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String id = json.readTree(started.body()).path("id").asString();

            // then it finishes, over the gold set inside the jar, with the service's own set-ups only
            JsonNode run = awaitRun(port, id);
            assertThat(run.path("status").asString()).as(run.path("error").asString()).isEqualTo("done");
            JsonNode report = run.path("report");
            assertThat(report.path("setup").path("questionsFile").asString()).isEqualTo("evaluation/questions.jsonl");
            assertThat(report.path("setup").path("questions").asInt()).isGreaterThan(100);
            assertThat(report.path("retrieval").valueStream().map(r -> r.path("id").asString()))
                    .containsExactly("search", "sources");
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private void awaitHealthy(int port, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("service stopped:%n%s", tail(log)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within 90 s:\n" + tail(log));
    }

    private JsonNode awaitRun(int port, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode run;
        do {
            Thread.sleep(500);
            run = json.readTree(http.send(request(port, "/api/evaluation/runs/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while (run.path("status").asString().equals("running") && System.nanoTime() < deadline);
        return run;
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        EVALUATOR.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
