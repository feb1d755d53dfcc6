package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One API convention, checked from one table: every endpoint is called on a running service (H2, offline answers),
 * its actual JSON is walked recursively, and every field name must be English in camelCase, each word from the API's
 * vocabulary below or one of the study's own terms ({@code taetigkeit}, {@code branche}, {@code anwendung}). The same
 * walk follows the endpoint's schema in {@code /v3/api-docs}: every field the service sends is a property of the
 * documented schema, so the description and the wire never differ. Keys of a map (a schema with only
 * {@code additionalProperties}: question types, set-up ids, metric names) are data, not field names. Beyond the
 * responses, every property of every documented schema (requests included) and every query parameter follows the
 * same rule, and what this test sends is what the request schemas document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "studienlotse.evaluation.questions=src/test/resources/evaluation/workbench-questions.jsonl"})
@AutoConfigureWebTestClient(timeout = "PT90S")
class ApiConventionTests {

    static final String PASSWORD = "api-convention";

    /** The study's terms that stay German: no English word names them without losing what the study means. */
    static final Set<String> DOMAIN_TERMS = Set.of("taetigkeit", "branche", "anwendung");

    /**
     * Every English word the API's names are made of. A new field with a new word fails here first: add the word if
     * it is English, rename the field if it is not.
     */
    static final Set<String> VOCABULARY = Set.of(
            "a", "abstained", "answer", "answerable", "answered", "answers", "applications", "at", "b", "backend",
            "bm", "by", "case", "cases", "categories", "category", "cells", "chunks", "citation", "citations",
            "cited", "client", "comment", "computed", "concepts", "concerns", "content", "corpus", "correctness",
            "council", "created", "delta", "deltas", "detail", "differences", "dimensions", "documentation",
            "duration", "easy", "end", "error", "evaluator", "evaluators", "example", "external", "facts",
            "faithfulness", "file", "filters", "finished", "first", "follow", "fresh", "from", "further", "generated",
            "gold", "groundedness", "guideline", "header", "helpfulness", "history", "hits", "id", "ids", "instance",
            "items", "judge", "judged", "k", "kappa", "kind", "label", "lang", "latency", "license", "link",
            "mention", "message", "metric", "mrr", "must", "n", "name", "ndcg", "note", "notes", "notice", "overall",
            "p", "page", "passage", "passages", "precision", "printed", "profile", "q", "quadratic", "query",
            "question", "questions", "quote", "rag", "rank", "rating", "ratings", "reading", "reasons", "recall",
            "refused", "relevant", "report", "responds", "retrieval", "role", "row", "rows", "run", "scope", "score",
            "section", "sections", "segments", "setup", "sha", "should", "size", "sources", "start", "started",
            "statements", "status", "suggestions", "summary", "support", "supported", "table", "tables", "text",
            "title", "to", "token", "total", "type", "unanswerable", "uncited", "unrated", "unsupported", "up", "of", "rateable",
            "updated", "user", "validity", "when", "works", "conversation");

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]*|\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * One call: {@code path} as documented (with {@code {id}}), {@code uri} as sent ({@code {run}} and the like filled
     * from earlier answers), and what to keep of the answer for later rows (name → JSON pointer).
     */
    record Endpoint(HttpMethod method, String path, String uri, String user, Object body, int status,
                    Map<String, String> keep) {

        static Endpoint get(String path, String uri) {
            return new Endpoint(HttpMethod.GET, path, uri, null, null, 200, Map.of());
        }

        Endpoint as(String login) {
            return new Endpoint(method, path, uri, login, body, status, keep);
        }

        Endpoint answering(int expected) {
            return new Endpoint(method, path, uri, user, body, expected, keep);
        }

        Endpoint keeping(String name, String pointer) {
            Map<String, String> kept = new LinkedHashMap<>(keep);
            kept.put(name, pointer);
            return new Endpoint(method, path, uri, user, body, status, kept);
        }

        static Endpoint send(HttpMethod method, String path, String uri, Object body) {
            return new Endpoint(method, path, uri, null, body, 200, Map.of());
        }
    }

    static final String ADVISOR = "ada";
    static final String EVALUATOR = "eve";

    /** Every endpoint of the API, in an order where each row finds what it needs in the rows before. */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.get("/api/cases", "/api/cases"),
            Endpoint.get("/api/cases/{id}", "/api/cases/B4"),
            Endpoint.get("/api/passages/{id}", "/api/passages/B4.erfolgsfaktoren.2"),
            Endpoint.get("/api/cases/compare", "/api/cases/compare?ids=B1,K3"),
            Endpoint.get("/api/study/sections", "/api/study/sections"),
            Endpoint.get("/api/study/aggregates", "/api/study/aggregates"),
            Endpoint.get("/api/search", "/api/search?q=Datenschutz&k=3&taetigkeit=Buchhaltung&section=herausforderungen"),
            Endpoint.get("/api/search", "/api/search?caseId=B4&q=Tipps"),
            Endpoint.get("/api/search", "/api/search?q=Tipps&k=0").answering(400),
            Endpoint.send(HttpMethod.POST, "/api/chat", "/api/chat", Map.of(
                            "message", "Welche Herausforderungen gab es bei der Rechnungsverarbeitung?",
                            "filters", Map.of("taetigkeit", "Buchhaltung", "caseId", "B1"), "fresh", true))
                    .keeping("conversation", "/conversationId").keeping("message", "/messageId"),
            Endpoint.send(HttpMethod.POST, "/api/chat/stream", "/api/chat/stream", Map.of(
                    "message", "Und wie lange hat das gedauert?", "conversationId", "{conversation}")),
            Endpoint.send(HttpMethod.POST, "/api/feedback", "/api/feedback", Map.of(
                    "messageId", "{message}", "rating", "up", "comment", "Gut belegt", "clientId", "api-convention")),
            Endpoint.get("/api/feedback", "/api/feedback?rating=up&from=2020-01-01&page=0&size=10").as(EVALUATOR),
            Endpoint.get("/api/feedback/export.json", "/api/feedback/export.json?rating=up").as(EVALUATOR),
            Endpoint.send(HttpMethod.POST, "/api/briefs", "/api/briefs", Map.of(
                            "branche", "Steuerberatung", "size", "12 Mitarbeitende", "taetigkeit", "Buchhaltung",
                            "concerns", List.of("Datenschutz", "Barrierefreiheit"), "notes", "Chefin skeptisch"))
                    .as(ADVISOR).answering(201).keeping("brief", "/id").keeping("item", "/sections/2/items/0/id"),
            Endpoint.send(HttpMethod.POST, "/api/briefs/{id}/notes", "/api/briefs/{brief}/notes",
                    Map.of("text", "Förderprogramm prüfen")).as(ADVISOR).keeping("note", "/notes/0/id"),
            Endpoint.get("/api/briefs", "/api/briefs").as(ADVISOR),
            Endpoint.get("/api/briefs/{id}", "/api/briefs/{brief}").as(ADVISOR),
            Endpoint.send(HttpMethod.DELETE, "/api/briefs/{id}/items/{itemId}", "/api/briefs/{brief}/items/{item}", null)
                    .as(ADVISOR),
            Endpoint.send(HttpMethod.DELETE, "/api/briefs/{id}/notes/{noteId}", "/api/briefs/{brief}/notes/{note}", null)
                    .as(ADVISOR),
            Endpoint.get("/api/evaluation/csrf", "/api/evaluation/csrf").as(EVALUATOR),
            Endpoint.send(HttpMethod.POST, "/api/evaluation/runs", "/api/evaluation/runs", null).as(EVALUATOR)
                    .answering(202).keeping("run", "/id"),
            Endpoint.get("/api/evaluation/runs/{id}", "/api/evaluation/runs/{run}").as(EVALUATOR),
            Endpoint.get("/api/evaluation/runs", "/api/evaluation/runs").as(EVALUATOR),
            Endpoint.send(HttpMethod.PUT, "/api/evaluation/runs/{id}/ratings/{questionId}",
                    "/api/evaluation/runs/{run}/ratings/r001", Map.of("correctness", 4, "groundedness", 5,
                            "helpfulness", 3, "comment", "knapp")).as(EVALUATOR),
            Endpoint.get("/api/evaluation/runs/{id}/ratings", "/api/evaluation/runs/{run}/ratings").as(EVALUATOR),
            Endpoint.get("/api/evaluation/runs/compare", "/api/evaluation/runs/compare?a={run}&b={run}").as(EVALUATOR),
            Endpoint.get("/api/evaluation/runs/{id}/agreement", "/api/evaluation/runs/{run}/agreement?a=eve&b=eve")
                    .as(EVALUATOR),
            Endpoint.get("/api/evaluation/ratings/export.json", "/api/evaluation/ratings/export.json").as(EVALUATOR));

    @Autowired
    WebTestClient web;

    /** Fields the walk found a documented schema for: guards against a walk that silently checks nothing. */
    private int checkedAgainstSchema;

    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) {
        TestDatabases.h2().register(registry);
        TestLogins.register(registry, PASSWORD, Map.of(ADVISOR, "ADVISOR", EVALUATOR, "EVALUATOR"));
    }

    @Test
    void should_name_every_field_of_every_endpoint_in_english_camel_case_as_documented() {
        // given
        JsonNode docs = json.readTree(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        Map<String, String> kept = new HashMap<>();
        List<String> violations = new ArrayList<>();

        for (Endpoint endpoint : ENDPOINTS) {
            // when
            String where = endpoint.method() + " " + endpoint.path();
            JsonNode operation = docs.path("paths").path(endpoint.path()).path(endpoint.method().name().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as("%s is in /v3/api-docs", where).isTrue();
            Object body = fill(endpoint.body(), kept);
            if (body != null) {
                walk(where + " request", json.valueToTree(body), requestSchema(operation), docs, "$", violations);
            }
            List<JsonNode> answers = call(endpoint, fill(endpoint.uri(), kept), body);
            JsonNode schema = responseSchema(operation, endpoint.status());
            // then
            for (JsonNode answer : answers) {
                walk(where, answer, endpoint.path().equals("/api/chat/stream") ? null : schema, docs, "$", violations);
            }
            endpoint.keep().forEach((name, pointer) -> kept.put(name, answers.get(0).at(pointer).asString()));
            if (endpoint.path().equals("/api/evaluation/runs") && endpoint.method() == HttpMethod.POST) {
                awaitRun(kept.get("run"));
            }
        }

        // and the description itself: every documented field and query parameter
        docs.path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(field ->
                        name("schema " + schema.getKey(), field.getKey(), violations)));
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    if (parameter.path("in").asString().equals("query")) {
                        name(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " query",
                                parameter.path("name").asString(), violations);
                    }
                })));
        assertThat(docs.path("info").path("description").asString())
                .contains("camelCase", "taetigkeit", "branche", "anwendung");

        assertThat(new TreeSet<>(violations)).isEmpty();
        assertThat(checkedAgainstSchema).as("fields compared with /v3/api-docs").isGreaterThan(1000);
    }

    /**
     * Every endpoint of the table above that reads a JSON body, with one field too many: a 400 problem naming the
     * field, never the request read without it (a mistyped field would lose what the user wrote). The bodies are
     * the table's own, so a new endpoint with a body is checked here without a new row.
     */
    @Test
    @SuppressWarnings("unchecked")
    void should_refuse_an_unknown_field_in_every_json_body_and_name_it() {
        List<Endpoint> withBody = ENDPOINTS.stream().filter(e -> e.body() instanceof Map).toList();
        assertThat(withBody).extracting(Endpoint::path).contains("/api/chat", "/api/chat/stream", "/api/feedback",
                "/api/briefs", "/api/briefs/{id}/notes", "/api/evaluation/runs/{id}/ratings/{questionId}");
        // the field as a typo would send it, and where the problem says it is
        Map<String, String> unknownFields = new LinkedHashMap<>();
        unknownFields.put("anliegen", "anliegen");
        unknownFields.put("Message", "Message");
        for (Endpoint endpoint : withBody) {
            String uri = PLACEHOLDER.matcher(endpoint.uri()).replaceAll("unbekannt");
            for (Map.Entry<String, String> unknown : unknownFields.entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) endpoint.body());
                body.put(unknown.getKey(), "x");
                assertUnknownField(endpoint, uri, body, unknown.getValue());
            }
        }
        // nested: a filter by a name the API does not have
        Endpoint chat = withBody.getFirst();
        assertUnknownField(chat, chat.uri(), Map.of("message", "Tipps?", "filters", Map.of("fall", "B4")), "filters.fall");
    }

    private void assertUnknownField(Endpoint endpoint, String uri, Object body, String field) {
        String where = endpoint.method() + " " + endpoint.path() + " with " + field;
        byte[] answer = web.method(endpoint.method()).uri(uri)
                .headers(h -> {
                    if (endpoint.user() != null) h.setBasicAuth(endpoint.user(), PASSWORD);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = json.readTree(answer);
        assertThat(problem.path("title").asString()).as(where).isEqualTo("Ungültige Anfrage");
        assertThat(problem.path("detail").asString()).as(where).contains("„" + field + "“");
    }

    @Test
    void should_refuse_german_and_snake_case_names_and_keep_the_study_terms() {
        for (String bad : List.of("abschnitte", "fallId", "gold_cases", "passagen", "titel", "SectionTitle",
                "jeTaetigkeit", "weitereKiAnwendungen", "externeUnterstuetzung")) {
            List<String> violations = new ArrayList<>();
            name("example", bad, violations);
            assertThat(violations).as(bad).isNotEmpty();
        }
        for (String good : List.of("passageId", "byTaetigkeit", "questionsSha256", "ndcgAt10", "p95", "anwendung")) {
            List<String> violations = new ArrayList<>();
            name("example", good, violations);
            assertThat(violations).as(good).isEmpty();
        }
    }

    // ------------------------------------------------------------------ the rule

    /** camelCase, and every word English from {@link #VOCABULARY} or one of {@link #DOMAIN_TERMS}. */
    static void name(String where, String field, List<String> violations) {
        if (!CAMEL_CASE.matcher(field).matches()) {
            violations.add("%s: „%s“ is not camelCase".formatted(where, field));
            return;
        }
        Matcher words = WORD.matcher(field);
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (!word.chars().allMatch(Character::isDigit) && !VOCABULARY.contains(word) && !DOMAIN_TERMS.contains(word)) {
                violations.add("%s: „%s“ has the word „%s“, neither in the API's English vocabulary nor a term of the study"
                        .formatted(where, field, word));
            }
        }
    }

    /**
     * Checks every field name of {@code node} and, where the schema is known, that the description names it too. A
     * map's keys are data: only its values are walked.
     */
    void walk(String where, JsonNode node, JsonNode schema, JsonNode docs, String path, List<String> violations) {
        JsonNode resolved = resolve(schema, docs);
        if (node.isArray()) {
            JsonNode items = resolved == null ? null : resolved.path("items");
            for (JsonNode element : node) {
                walk(where, element, items == null || items.isMissingNode() ? null : items, docs, path + "[]", violations);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Map<String, JsonNode> properties = resolved == null ? null : properties(resolved, docs);
        JsonNode values = resolved == null ? null : resolved.get("additionalProperties");
        boolean map = properties != null && properties.isEmpty() && values != null && values.isObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (map) {
                walk(where, field.getValue(), values, docs, path + "." + key, violations);
                continue;
            }
            name(where + " " + path, key, violations);
            JsonNode documented = null;
            if (properties != null && !properties.isEmpty()) {
                documented = properties.get(key);
                checkedAgainstSchema++;
                if (documented == null) {
                    violations.add("%s %s: „%s“ is sent but not in the documented schema (%s)"
                            .formatted(where, path, key, String.join(", ", properties.keySet())));
                }
            }
            walk(where, field.getValue(), documented, docs, path + "." + key, violations);
        }
    }

    /** Follows {@code $ref} and a nullable {@code oneOf}/{@code anyOf} with a single schema. */
    static JsonNode resolve(JsonNode schema, JsonNode docs) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return resolve(docs.path("components").path("schemas").path(name), docs);
        }
        return schema;
    }

    /** The properties of an object schema, its {@code allOf}/{@code oneOf}/{@code anyOf} parts included. */
    static Map<String, JsonNode> properties(JsonNode schema, JsonNode docs) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(p -> all.put(p.getKey(), p.getValue()));
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combinator)) {
                JsonNode resolved = resolve(part, docs);
                if (resolved != null) all.putAll(properties(resolved, docs));
            }
        }
        return all;
    }

    static JsonNode requestSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isMissingNode() ? null : first(content).path("schema");
    }

    static JsonNode responseSchema(JsonNode operation, int status) {
        JsonNode content = operation.path("responses").path(String.valueOf(status)).path("content");
        return content.isMissingNode() || content.isEmpty() ? null : first(content).path("schema");
    }

    private static JsonNode first(JsonNode content) {
        return content.has(MediaType.APPLICATION_JSON_VALUE) ? content.get(MediaType.APPLICATION_JSON_VALUE)
                : content.properties().iterator().next().getValue();
    }

    // ------------------------------------------------------------------ calls

    /** The JSON of the answer; a stream's {@code data:} lines one by one. */
    List<JsonNode> call(Endpoint endpoint, String uri, Object body) {
        WebTestClient.RequestBodySpec request = web.method(endpoint.method()).uri(uri);
        if (endpoint.user() != null) {
            request.headers(h -> h.setBasicAuth(endpoint.user(), PASSWORD));
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectStatus().isEqualTo(endpoint.status())
                .expectBody().returnResult();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (endpoint.path().equals("/api/chat/stream")) {
            List<JsonNode> events = new ArrayList<>();
            text.lines().filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(json.readTree(line.substring("data:".length()))));
            assertThat(events).as("stream events").isNotEmpty();
            return events;
        }
        assertThat(text).as("%s %s answers JSON", endpoint.method(), uri).isNotBlank();
        return List.of(json.readTree(text));
    }

    private void awaitRun(String run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = call(Endpoint.get("/api/evaluation/runs/{id}", "").as(EVALUATOR),
                    "/api/evaluation/runs/" + run, null).get(0);
            if (!state.path("status").asString().equals("running")) {
                assertThat(state.path("status").asString()).as(state.path("error").asString()).isEqualTo("done");
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + run + " did not finish in 120 s");
    }

    /** The uri or body with {@code {name}} replaced by what an earlier row kept. */
    @SuppressWarnings("unchecked")
    static <T> T fill(T template, Map<String, String> kept) {
        if (template instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(filled, Matcher.quoteReplacement(kept.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(filled);
            return (T) filled.toString();
        }
        if (template instanceof Map<?, ?> map) {
            Map<Object, Object> filled = new LinkedHashMap<>();
            map.forEach((k, v) -> filled.put(k, fill(v, kept)));
            return (T) filled;
        }
        return template;
    }

}
