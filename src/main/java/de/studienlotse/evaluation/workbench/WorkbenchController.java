package de.studienlotse.evaluation.workbench;

import de.studienlotse.evaluation.EvaluationRunner.AnsweredQuestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluators' workbench API (role {@code EVALUATOR}, see {@code web.SecurityConfiguration}): evaluation runs, their
 * comparison, ratings of the answers, agreement between evaluators and the ratings' export. The page is
 * {@code /werkbank}.
 */
@RestController
@RequestMapping("/api/evaluation")
@Tag(name = "Werkbank", description = "Evaluationsläufe, Bewertungen durch Evaluatorinnen und Evaluatoren, Übereinstimmung (Rolle EVALUATOR)")
class WorkbenchController {

    static final int MAX_COMMENT_LENGTH = 2000;
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final EvaluationRuns runs;
    private final WorkbenchRepository repository;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    WorkbenchController(EvaluationRuns runs, WorkbenchRepository repository, JsonMapper json) {
        this.runs = runs;
        this.repository = repository;
        this.json = json;
    }

    /** Who is logged in, and the CSRF token the page sends with its changes ({@code PUT}, {@code POST}) in the header named here. */
    @GetMapping("/csrf")
    @Operation(summary = "Angemeldete Person und CSRF-Token für die Werkbank-Seite (Anfragen mit Sitzungs-Cookie)")
    Mono<Map<String, String>> csrf(ServerWebExchange exchange, Mono<Principal> principal) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.error(new IllegalStateException("no CSRF token"))
                : token.zipWith(principal).map(both -> Map.of("headerName", both.getT1().getHeaderName(),
                        "token", both.getT1().getToken(), "user", both.getT2().getName()));
    }

    @PostMapping("/runs")
    @Operation(summary = "Einen Lauf über den ganzen Goldsatz starten (läuft im Hintergrund, bis etwa eine Minute); 409, solange einer läuft")
    Mono<ResponseEntity<StoredRun>> start(Mono<Principal> principal) {
        return principal.map(Principal::getName).flatMap(runs::start)
                .map(run -> ResponseEntity.accepted().location(URI.create("/api/evaluation/runs/" + run.id())).body(run));
    }

    @GetMapping("/runs")
    @Operation(summary = "Alle Läufe mit ihren Kennzahlen, die neuesten zuerst")
    Flux<StoredRun> list() {
        return repository.runs();
    }

    @GetMapping("/runs/compare")
    @Operation(summary = "Zwei Läufe vergleichen: jede Kennzahl gesamt und je Fragetyp mit Differenz b − a")
    Mono<RunComparison> compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw bad("Bitte zwei Läufe angeben: ?a=…&b=…");
        }
        return finished(a).zipWith(finished(b))
                .map(both -> RunComparison.of(a, both.getT1().report(), b, both.getT2().report(), json));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "Ein Lauf mit ganzem Bericht und den Antworten")
    Mono<StoredRun> run(@PathVariable String id) {
        return found(id);
    }

    @PutMapping(path = "/runs/{id}/ratings/{questionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Die eigene Bewertung einer Antwort speichern oder ändern (Korrektheit, Belegtheit, Nützlichkeit je 1–5, Kommentar)")
    Mono<EvaluatorRating> rate(@PathVariable String id, @PathVariable String questionId, @RequestBody RatingRequest request,
                               Mono<Principal> principal) {
        RatingRequest checked = check(request);
        return finished(id).flatMap(run -> {
            AnsweredQuestion answered = run.answers().stream().filter(a -> a.gold().id().equals(questionId)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                            "Die Frage „%s“ gehört nicht zum Lauf %s.".formatted(shorten(questionId), id)));
            return principal.flatMap(p -> {
                var now = clock.instant();
                return repository.save(new EvaluatorRating(id, questionId, p.getName(), answered.gold().question(),
                        checked.correctness(), checked.groundedness(), checked.helpfulness(), checked.comment(), now, now));
            });
        });
    }

    @GetMapping("/runs/{id}/ratings")
    @Operation(summary = "Alle Bewertungen eines Laufs und die Fragen, die die angemeldete Person noch nicht bewertet hat")
    Mono<RunRatings> ratings(@PathVariable String id, Mono<Principal> principal) {
        return found(id).zipWith(principal).flatMap(both -> repository.ratings(id).collectList().map(ratings -> {
            String me = both.getT2().getName();
            Set<String> mine = ratings.stream().filter(r -> r.evaluator().equals(me)).map(EvaluatorRating::questionId)
                    .collect(Collectors.toSet());
            List<String> unrated = both.getT1().answers() == null ? List.of() : both.getT1().answers().stream()
                    .map(a -> a.gold().id()).filter(q -> !mine.contains(q)).toList();
            List<String> evaluators = ratings.stream().map(EvaluatorRating::evaluator).distinct().sorted().toList();
            return new RunRatings(id, me, evaluators, ratings, unrated);
        }));
    }

    @GetMapping("/runs/{id}/agreement")
    @Operation(summary = "Übereinstimmung zweier Evaluatoren (Cohens Kappa, ungewichtet und quadratisch gewichtet) auf den Antworten, die beide bewertet haben")
    Mono<Agreement> agreement(@PathVariable String id, @RequestParam(required = false) String a,
                              @RequestParam(required = false) String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw bad("Bitte zwei Evaluatoren angeben: ?a=…&b=…");
        }
        return found(id).then(repository.ratings(id).collectList()).map(ratings -> Agreement.of(a, b, ratings));
    }

    @GetMapping("/ratings/export.csv")
    @Operation(summary = "Alle Bewertungen aller Läufe als CSV (UTF-8, Trennzeichen „;“)")
    ResponseEntity<Flux<String>> exportCsv() {
        Flux<String> lines = repository.allRatings().map(r -> RatingCsv.row(r) + "\r\n")
                .startWith(RatingCsv.BOM + RatingCsv.HEADER + "\r\n");
        return ResponseEntity.ok().contentType(TEXT_CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment("csv")).body(lines);
    }

    @GetMapping("/ratings/export.json")
    @Operation(summary = "Alle Bewertungen aller Läufe als JSON-Array")
    ResponseEntity<Flux<EvaluatorRating>> exportJson() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("json")).body(repository.allRatings());
    }

    // ------------------------------------------------------------------ payloads

    /** A rating as sent: each score 1–5, the comment optional. */
    record RatingRequest(Integer correctness, Integer groundedness, Integer helpfulness, String comment) {
    }

    /** @param unrated the questions of the run the current evaluator has not rated yet, in run order */
    record RunRatings(String runId, String evaluator, List<String> evaluators, List<EvaluatorRating> ratings,
                      List<String> unrated) {
    }

    /** @param n answers both rated; kappa null (n/a) for n = 0 */
    record Agreement(String a, String b, int n, Map<String, Kappas> dimensions) {

        record Kappas(Double kappa, Double quadraticKappa) {
        }

        static Agreement of(String a, String b, List<EvaluatorRating> ratings) {
            Map<String, EvaluatorRating> byA = ratings.stream().filter(r -> r.evaluator().equals(a))
                    .collect(Collectors.toMap(EvaluatorRating::questionId, r -> r));
            List<EvaluatorRating[]> both = new ArrayList<>();
            ratings.stream().filter(r -> r.evaluator().equals(b) && byA.containsKey(r.questionId()))
                    .forEach(r -> both.add(new EvaluatorRating[] {byA.get(r.questionId()), r}));
            Map<String, ToIntFunction<EvaluatorRating>> dimensions = new java.util.LinkedHashMap<>();
            dimensions.put("correctness", EvaluatorRating::correctness);
            dimensions.put("groundedness", EvaluatorRating::groundedness);
            dimensions.put("helpfulness", EvaluatorRating::helpfulness);
            Map<String, Kappas> kappas = new java.util.LinkedHashMap<>();
            dimensions.forEach((name, score) -> {
                List<Kappa.Pair> pairs = both.stream()
                        .map(p -> new Kappa.Pair(score.applyAsInt(p[0]), score.applyAsInt(p[1]))).toList();
                kappas.put(name, new Kappas(Kappa.unweighted(pairs), Kappa.quadratic(pairs)));
            });
            return new Agreement(a, b, both.size(), kappas);
        }
    }

    // ------------------------------------------------------------------ checks

    private Mono<StoredRun> found(String id) {
        return repository.run(id).switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Den Evaluationslauf „%s“ gibt es nicht.".formatted(shorten(id)))));
    }

    /** A run that has answers: not running, not failed. */
    private Mono<StoredRun> finished(String id) {
        return found(id).map(run -> {
            if (!StoredRun.DONE.equals(run.status())) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, StoredRun.RUNNING.equals(run.status())
                        ? "Der Lauf %s läuft noch; bitte warten Sie, bis er fertig ist.".formatted(id)
                        : "Der Lauf %s ist fehlgeschlagen und hat keine Antworten.".formatted(id));
            }
            return run;
        });
    }

    private static RatingRequest check(RatingRequest request) {
        if (request == null) {
            throw bad("Bitte eine Bewertung senden: correctness, groundedness, helpfulness (je 1–5) und optional comment.");
        }
        score("Korrektheit (correctness)", request.correctness());
        score("Belegtheit (groundedness)", request.groundedness());
        score("Nützlichkeit (helpfulness)", request.helpfulness());
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            throw bad("Der Kommentar ist zu lang: höchstens %d Zeichen, erhalten %d."
                    .formatted(MAX_COMMENT_LENGTH, comment.codePointCount(0, comment.length())));
        }
        return new RatingRequest(request.correctness(), request.groundedness(), request.helpfulness(), comment);
    }

    private static void score(String name, Integer value) {
        if (value == null) {
            throw bad("Bitte %s angeben: eine ganze Zahl von 1 bis 5.".formatted(name));
        }
        if (value < 1 || value > Kappa.CATEGORIES) {
            throw bad("%s muss zwischen 1 und 5 liegen, erhalten %d.".formatted(name, value));
        }
    }

    private String attachment(String extension) {
        return ContentDisposition.attachment()
                .filename("studienlotse-bewertungen-%s.%s".formatted(LocalDate.now(clock), extension))
                .build().toString();
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
