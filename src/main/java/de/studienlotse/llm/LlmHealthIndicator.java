package de.studienlotse.llm;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

import de.studienlotse.llm.LlmProperties.Provider;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the configured model can answer: its server is reachable and lists the model (OpenAI-compatible
 * {@code GET /models}, Ollama {@code GET /api/tags}, Anthropic {@code GET /v1/models/{model}}).
 * <p>
 * A model that cannot answer does not take the service down, since every answer then falls back to the extractive one
 * with a notice: the status is {@link #DEGRADED}, which the health endpoint maps to HTTP 200 and orders between DOWN and
 * UP (application.yml), so readiness shows it without taking the instance out of rotation. The result is kept for
 * {@link #CACHE_FOR}, so that probes polling readiness do not poll a paid API.
 */
class LlmHealthIndicator implements ReactiveHealthIndicator {

    /** The model cannot answer; the service answers without it. */
    public static final Status DEGRADED = new Status("DEGRADED", "answers fall back to the extractive mode");
    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LlmProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    LlmHealthIndicator(LlmProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Health> health() {
        if (properties.provider() == Provider.EXTRACTIVE) {
            return Mono.just(Health.up().withDetail("provider", "extractive").build());
        }
        Health cached = last;
        if (cached != null && lastAt.plus(CACHE_FOR).isAfter(Instant.now())) return Mono.just(cached);
        return Mono.fromFuture(() -> http.sendAsync(probe(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .map(this::judge)
                .onErrorResume(e -> Mono.just(degraded(false, describe(e))))
                .doOnNext(health -> {
                    last = health;
                    lastAt = Instant.now();
                });
    }

    private HttpRequest probe() {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(PROBE_TIMEOUT).GET();
        switch (properties.provider()) {
            case OLLAMA -> request.uri(URI.create(base + "api/tags"));
            case ANTHROPIC -> request.uri(URI.create(base + "models/" + URLEncoder.encode(properties.model(), StandardCharsets.UTF_8)))
                    .header("anthropic-version", "2023-06-01");
            default -> request.uri(URI.create(base + "models"));
        }
        if (properties.hasApiKey()) {
            if (properties.provider() == Provider.ANTHROPIC) request.header("x-api-key", properties.apiKey());
            else request.header("Authorization", "Bearer " + properties.apiKey());
        }
        return request.build();
    }

    private Health judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) return degraded(true, "the server rejected the API key (HTTP " + status + ")");
        if (properties.provider() == Provider.ANTHROPIC && status == 404) return unknownModel(List.of());
        if (status < 200 || status >= 300) return degraded(true, "HTTP " + status + " on the model list");
        if (properties.provider() == Provider.ANTHROPIC) return up();
        List<String> models = modelNames(response.body());
        boolean known = models.stream().anyMatch(name -> name.equals(properties.model())
                || name.equals(properties.model() + ":latest") || name.endsWith("/" + properties.model()));
        return known ? up() : unknownModel(models);
    }

    private List<String> modelNames(String body) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode model : root.path(properties.provider() == Provider.OLLAMA ? "models" : "data")) {
                for (String field : List.of("id", "name", "model")) {
                    String name = model.path(field).isString() ? model.path(field).asString() : null;
                    if (name != null && !names.contains(name)) names.add(name);
                }
            }
        } catch (RuntimeException e) {
            // not a model list: the model counts as unknown
        }
        return names;
    }

    private Health up() {
        return details(Health.up(), true).withDetail("modelKnown", true).build();
    }

    private Health unknownModel(List<String> available) {
        Health.Builder health = details(Health.status(DEGRADED), true).withDetail("modelKnown", false)
                .withDetail("detail", "the server does not list model " + properties.model());
        if (!available.isEmpty()) health.withDetail("available", available.stream().limit(20).toList());
        return health.build();
    }

    private Health degraded(boolean reachable, String detail) {
        return details(Health.status(DEGRADED), reachable).withDetail("modelKnown", false)
                .withDetail("detail", KeyMasking.mask(detail)).build();
    }

    private Health.Builder details(Health.Builder health, boolean reachable) {
        return health.withDetail("provider", properties.provider().id())
                .withDetail("baseUrl", properties.displayBaseUrl())
                .withDetail("model", properties.model())
                .withDetail("reachable", reachable);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null || root.getMessage().isBlank() ? "" : ": " + root.getMessage();
        return "cannot reach the server: " + root.getClass().getSimpleName() + message;
    }
}
