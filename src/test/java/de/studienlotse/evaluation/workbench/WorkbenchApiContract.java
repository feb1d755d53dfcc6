package de.studienlotse.evaluation.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workbench API over HTTP on a running service, written once and run on H2 and on PostgreSQL. Runs go through
 * the real pipeline (offline backend) over 5 gold questions of 5 types (a Werkbank run never has the baselines). Two
 * evaluators (anna, ben) and a user without the role (gast). One run per class, shared by its tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "studienlotse.evaluation.questions=src/test/resources/evaluation/workbench-questions.jsonl"})
@AutoConfigureWebTestClient(timeout = "PT60S")
abstract class WorkbenchApiContract {

    static final String PASSWORD = "werkbank-test";
    static final List<String> QUESTIONS = List.of("r001", "r029", "r036", "r056", "r070");
    private static final Map<Class<?>, String> runs = new HashMap<>();

    @Autowired
    WebTestClient web;

    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> names = List.of("anna", "ben", "gast");
        for (int i = 0; i < names.size(); i++) {
            String prefix = "studienlotse.security.users[" + i + "].";
            String name = names.get(i);
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", () -> name.equals("gast") ? "GUEST" : "EVALUATOR");
        }
    }

    WebTestClient.RequestHeadersSpec<?> as(String user, WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBasicAuth(user, PASSWORD));
    }

    JsonNode get(String user, String uri) {
        byte[] body = as(user, web.get().uri(uri)).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    /** Starts a run and waits for it; the same run for all tests of this class. */
    synchronized String finishedRun() {
        String id = runs.get(getClass());
        if (id == null) {
            id = startAndWait();
            runs.put(getClass(), id);
        }
        return id;
    }

    String startAndWait() {
        JsonNode started = json.readTree(as("anna", web.post().uri("/api/evaluation/runs")).exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/evaluation/runs/.+")
                .expectBody().returnResult().getResponseBody());
        assertThat(started.path("status").asString()).isEqualTo("running");
        String id = started.path("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = get("anna", "/api/evaluation/runs/" + id);
            if (!run.path("status").asString().equals("running")) {
                assertThat(run.path("status").asString()).as(run.path("error").asString()).isEqualTo("done");
                return id;
            }
            sleep();
        }
        throw new AssertionError("run " + id + " did not finish in 90 s");
    }

    WebTestClient.ResponseSpec rate(String user, String run, String question, Object body) {
        return as(user, web.put().uri("/api/evaluation/runs/{id}/ratings/{q}", run, question)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
    }

    static Map<String, Object> scores(int correctness, int groundedness, int helpfulness, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("correctness", correctness, "groundedness", groundedness,
                "helpfulness", helpfulness));
        if (comment != null) body.put("comment", comment);
        return body;
    }

    // runs

    @Test
    void should_run_the_gold_questions_through_the_pipeline_and_keep_the_whole_report() {
        String id = finishedRun();

        JsonNode run = get("anna", "/api/evaluation/runs/" + id);
        assertThat(run.path("startedBy").asString()).isEqualTo("anna");
        assertThat(run.path("backend").asString()).isEqualTo("extractive");
        assertThat(run.path("report").path("setup").path("questions").asInt()).isEqualTo(5);
        assertThat(run.path("report").path("retrieval")).extracting(r -> r.path("id").asString())
                .containsExactly("search", "sources");
        assertThat(run.path("report").path("questions")).extracting(q -> q.path("id").asString())
                .containsExactlyElementsOf(QUESTIONS);
        JsonNode first = run.path("answers").get(0);
        assertThat(first.path("gold").path("question").asString()).startsWith("Wie lange hat die Einführung");
        assertThat(first.path("gold").path("goldCases").get(0).asString()).isEqualTo("B1");
        assertThat(first.path("answer").asString()).contains("[1]");
        assertThat(first.path("citations").get(0).path("quote").asString()).isNotBlank();
        assertThat(run.path("summary").path("citationValidity").asDouble()).isEqualTo(1.0);

        JsonNode list = get("anna", "/api/evaluation/runs");
        JsonNode row = null;
        for (JsonNode r : list) if (r.path("id").asString().equals(id)) row = r;
        assertThat(row).isNotNull();
        assertThat(row.path("summary").path("questions").asDouble()).isEqualTo(5.0);
        assertThat(row.path("report").isNull() || row.path("report").isMissingNode()).as("no report in the list").isTrue();
    }

    @Test
    void should_compare_two_runs_metric_by_metric() {
        String a = finishedRun();
        String b = startAndWait();

        JsonNode comparison = get("ben", "/api/evaluation/runs/compare?a=" + a + "&b=" + b);
        assertThat(comparison.path("a").asString()).isEqualTo(a);
        List<JsonNode> deltas = List.copyOf(comparison.path("deltas").valueStream().toList());
        assertThat(deltas).anySatisfy(d -> {
            assertThat(d.path("setup").asString()).isEqualTo("sources");
            assertThat(d.path("scope").asString()).isEqualTo("overall");
            assertThat(d.path("metric").asString()).isEqualTo("cases.recallAt5");
            // the same questions, the same offline pipeline: the same numbers
            assertThat(d.path("delta").asDouble()).isEqualTo(0.0);
        });
        assertThat(deltas).anySatisfy(d -> assertThat(d.path("scope").asString()).isEqualTo("case-fact"));
        assertThat(deltas).anySatisfy(d -> assertThat(d.path("metric").asString()).isEqualTo("citationPrecision"));
        assertThat(deltas).noneSatisfy(d -> assertThat(d.path("metric").asString()).endsWith("questions"));

        as("ben", web.get().uri("/api/evaluation/runs/compare?a=" + a + "&b=gibt-es-nicht")).exchange()
                .expectStatus().isNotFound();
        as("ben", web.get().uri("/api/evaluation/runs/compare?a=" + a)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void should_answer_an_unknown_run_with_a_german_404_problem() {
        as("anna", web.get().uri("/api/evaluation/runs/gibt-es-nicht")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Nicht gefunden")
                .jsonPath("$.detail").isEqualTo("Den Evaluationslauf „gibt-es-nicht“ gibt es nicht.");
        rate("anna", "gibt-es-nicht", "r001", scores(3, 3, 3, null)).expectStatus().isNotFound();
    }

    // ratings

    @Test
    void should_store_one_changeable_rating_per_evaluator_and_list_what_is_still_unrated() {
        String run = finishedRun();

        rate("anna", run, "r056", scores(2, 3, 2, "Autorinnen fehlen.")).expectStatus().isOk()
                .expectBody().jsonPath("$.evaluator").isEqualTo("anna").jsonPath("$.correctness").isEqualTo(2);
        rate("anna", run, "r056", scores(4, 5, 4, "Doch vollständig.")).expectStatus().isOk();

        JsonNode ratings = get("anna", "/api/evaluation/runs/" + run + "/ratings");
        assertThat(ratings.path("evaluator").asString()).isEqualTo("anna");
        List<JsonNode> annas = ratings.path("ratings").valueStream()
                .filter(r -> r.path("evaluator").asString().equals("anna") && r.path("questionId").asString().equals("r056"))
                .toList();
        assertThat(annas).singleElement().satisfies(r -> {
            assertThat(r.path("correctness").asInt()).isEqualTo(4);
            assertThat(r.path("groundedness").asInt()).isEqualTo(5);
            assertThat(r.path("comment").asString()).isEqualTo("Doch vollständig.");
            assertThat(r.path("question").asString()).isEqualTo("Wer sind die Autorinnen und Autoren der Studie?");
            assertThat(Instant.parse(r.path("updatedAt").asString())).isAfterOrEqualTo(Instant.parse(r.path("createdAt").asString()));
        });
        assertThat(ratings.path("unrated").valueStream().map(JsonNode::asString)).doesNotContain("r056").contains("r029");
    }

    @Test
    void should_refuse_bad_scores_and_long_comments_with_german_400_problems() {
        String run = finishedRun();
        rate("anna", run, "r001", scores(6, 3, 3, null)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Ungültige Anfrage")
                .jsonPath("$.detail").isEqualTo("Korrektheit (correctness) muss zwischen 1 und 5 liegen, erhalten 6.");
        rate("anna", run, "r001", Map.of("correctness", 3, "groundedness", 3)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Bitte Nützlichkeit (helpfulness) angeben: eine ganze Zahl von 1 bis 5.");
        rate("anna", run, "r001", scores(3, 0, 3, null)).expectStatus().isBadRequest();
        rate("anna", run, "r001", scores(3, 3, 3, "ä".repeat(2001))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Der Kommentar ist zu lang: höchstens 2000 Zeichen, erhalten 2001.");
        as("anna", web.put().uri("/api/evaluation/runs/{id}/ratings/r001", run).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"correctness\": \"gut\"}")).exchange().expectStatus().isBadRequest();
        rate("anna", run, "r999", scores(3, 3, 3, null)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Die Frage „r999“ gehört nicht zum Lauf " + run + ".");

        assertThat(get("anna", "/api/evaluation/runs/" + run + "/ratings").path("ratings").valueStream()
                .filter(r -> r.path("questionId").asString().equals("r001") && r.path("evaluator").asString().equals("anna")))
                .as("nothing stored").isEmpty();
        rate("anna", run, "r001", scores(3, 3, 3, "ä".repeat(2000))).expectStatus().isOk();
    }

    @Test
    void should_compute_the_agreement_of_two_evaluators_on_the_answers_both_rated() {
        String run = startAndWait(); // a run of its own: the ratings of the other tests would change n
        // correctness: anna 5 5 4 4, ben 5 4 4 4 ... worked out as in KappaTests: p_o = 3/4, p_e = 2/4·1/4 + 2/4·3/4 = 0.5
        rate("anna", run, "r001", scores(5, 5, 5, null)).expectStatus().isOk();
        rate("anna", run, "r029", scores(5, 5, 5, null)).expectStatus().isOk();
        rate("anna", run, "r036", scores(4, 5, 5, null)).expectStatus().isOk();
        rate("anna", run, "r056", scores(4, 5, 5, null)).expectStatus().isOk();
        rate("anna", run, "r070", scores(1, 1, 1, "nur anna")).expectStatus().isOk();
        rate("ben", run, "r001", scores(5, 5, 5, null)).expectStatus().isOk();
        rate("ben", run, "r029", scores(4, 5, 5, null)).expectStatus().isOk();
        rate("ben", run, "r036", scores(4, 5, 5, null)).expectStatus().isOk();
        rate("ben", run, "r056", scores(4, 5, 5, null)).expectStatus().isOk();

        JsonNode agreement = get("ben", "/api/evaluation/runs/" + run + "/agreement?a=anna&b=ben");
        // then: kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5; groundedness and helpfulness all 5 by both: perfect, 1
        assertThat(agreement.path("n").asInt()).isEqualTo(4);
        assertThat(agreement.path("dimensions").path("correctness").path("kappa").asDouble()).isEqualTo(0.5);
        assertThat(agreement.path("dimensions").path("groundedness").path("kappa").asDouble()).isEqualTo(1.0);
        assertThat(agreement.path("dimensions").path("helpfulness").path("quadraticKappa").asDouble()).isEqualTo(1.0);

        JsonNode none = get("ben", "/api/evaluation/runs/" + run + "/agreement?a=anna&b=niemand");
        assertThat(none.path("n").asInt()).isZero();
        assertThat(none.path("dimensions").path("correctness").path("kappa").isNull()).isTrue();
        as("ben", web.get().uri("/api/evaluation/runs/" + run + "/agreement?a=anna")).exchange().expectStatus().isBadRequest();
        assertThat(get("ben", "/api/evaluation/runs/" + run + "/ratings").path("evaluators").valueStream()
                .map(JsonNode::asString)).containsExactly("anna", "ben");
    }

    @Test
    void should_export_all_ratings_as_csv_and_json() {
        String run = finishedRun();
        rate("ben", run, "r070", scores(1, 2, 3, "=HYPERLINK(\"http://x\"); zweiter Teil")).expectStatus().isOk();

        byte[] csv = as("ben", web.get().uri("/api/evaluation/ratings/export.csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"studienlotse-bewertungen-.*\\.csv\"")
                .expectBody().returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFrun_id;question_id;evaluator;correctness;groundedness;helpfulness;comment;question;");
        assertThat(Arrays.stream(text.split("\r\n")).filter(l -> l.startsWith(run + ";r070;ben;")).findFirst().orElseThrow())
                .startsWith(run + ";r070;ben;1;2;3;\"'=HYPERLINK(\"\"http://x\"\"); zweiter Teil\";");

        as("ben", web.get().uri("/api/evaluation/ratings/export.json")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$[?(@.runId == '%s' && @.questionId == 'r070' && @.evaluator == 'ben')].helpfulness".formatted(run))
                .isEqualTo(3);
    }

    // login

    @Test
    void should_require_a_login_with_role_evaluator() {
        web.get().uri("/api/evaluation/runs").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("Anmeldung erforderlich");
        web.get().uri("/api/evaluation/ratings/export.csv").headers(h -> h.setBasicAuth("anna", "falsch")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/werkbank.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/login");
        as("gast", web.get().uri("/api/evaluation/runs")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.title").isEqualTo("Kein Zugriff");
        as("gast", web.post().uri("/api/evaluation/runs")).exchange().expectStatus().isForbidden();
        as("gast", web.get().uri("/api/evaluation/ratings/export.json")).exchange().expectStatus().isForbidden();
        as("anna", web.get().uri("/werkbank")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/werkbank.html");
    }

    @Test
    void should_demand_a_csrf_token_for_changes_without_http_basic() {
        // what a browser sends with only its login cookie: the CSRF check refuses it before any login check (a 401 would
        // mean no CSRF check); the page sends the token of GET /api/evaluation/csrf, scripts log in with HTTP Basic
        web.put().uri("/api/evaluation/runs/{id}/ratings/r001", finishedRun()).contentType(MediaType.APPLICATION_JSON)
                .cookie("SESSION", "irgendeine")
                .bodyValue(scores(3, 3, 3, null)).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/evaluation/runs").exchange().expectStatus().isForbidden();
        as("anna", web.get().uri("/api/evaluation/csrf")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.headerName").isEqualTo("X-CSRF-TOKEN").jsonPath("$.token").isNotEmpty();
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
