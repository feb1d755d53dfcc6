package de.studienlotse.search;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Full-text search over the study's passages: what the answer layer retrieves, exposed for checking by hand. */
@RestController
@Tag(name = "Suche", description = "Volltextsuche in den Passagen der Studie")
class SearchController {

    static final int MAX_QUERY_LENGTH = 1_000;
    static final int MAX_K = 50;

    private final PassageIndex index;
    private final Study study;
    private final SearchProperties properties;
    private final Set<String> sectionIds;

    SearchController(PassageIndex index, Study study, SearchProperties properties) {
        this.index = index;
        this.study = study;
        this.properties = properties;
        this.sectionIds = Stream.concat(study.cases().stream().flatMap(c -> c.sections().stream()),
                        study.studySections().stream())
                .map(Section::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The response: the question as sent, and the hits, best first. */
    record SearchResponse(String query, List<Hit> hits) {
    }

    /**
     * One passage found; case fields are {@code null} for study-level text. {@code concepts}: the study's concepts the
     * question names and the passage is tagged with, why a passage without the question's words was found.
     */
    record Hit(String passageId, String caseId, String taetigkeit, String branche, String anwendung, String section,
               String label, String text, float score, List<HitConcept> concepts) {

        static Hit of(SearchHit hit, StudyConcepts concepts) {
            CaseStudy c = hit.caseStudy();
            return new Hit(hit.passage().id(), hit.passage().caseId(), c == null ? null : c.activity().label(),
                    c == null ? null : c.branche(), c == null ? null : c.application(), hit.passage().sectionId(),
                    hit.passage().label(), hit.passage().text(), hit.score(), hit.concepts().stream()
                    .map(id -> new HitConcept(id, concepts.byId(id).map(Concept::nameDe).orElse(id))).toList());
        }
    }

    /** A concept of the study ({@code concepts/konzepte.tsv}): its id and its name in the study's words. */
    record HitConcept(String id, String name) {
    }

    @GetMapping("/api/search")
    @Operation(summary = "Passagen der Studie suchen",
            description = "Sucht den Text wie eingegeben (keine Abfragesprache), deutsch analysiert mit Zerlegung "
                    + "von Komposita; englische Fragen werden über ein Glossar ins Deutsche übertragen.")
    @ApiResponse(responseCode = "200", description = "Treffer, bester zuerst")
    @ApiResponse(responseCode = "400", description = "Ungültige Eingabe",
            content = @Content(mediaType = "application/problem+json"))
    Mono<SearchResponse> search(
            @Parameter(description = "Frage oder Suchbegriffe, höchstens 1.000 Zeichen", required = true)
            @RequestParam(name = "q", required = false) String q,
            @Parameter(description = "Anzahl Treffer, 1 bis 50", schema = @Schema(type = "integer", defaultValue = "10"))
            @RequestParam(name = "k", required = false) String k,
            @Parameter(description = "Tätigkeit: Buchhaltung, Kundenberatung, Kapazitätsplanung (oder B, K, P)")
            @RequestParam(name = "taetigkeit", required = false) String taetigkeit,
            @Parameter(description = "Fall, z. B. B4")
            @RequestParam(name = "caseId", required = false) String caseId,
            @Parameter(description = "Abschnitt, z. B. herausforderungen oder fazit")
            @RequestParam(name = "section", required = false) String section) {
        SearchRequest request = new SearchRequest(query(q), k(k), activity(taetigkeit), caseId(caseId),
                section(section));
        // on the event loop: the index is read-only and in memory, a search is a fraction of a millisecond of CPU and
        // never waits, so it needs no hop to boundedElastic (two thread switches, a queue, a wake-up per request).
        // An index kept on disk (search.index-path) may wait for the file system: that one still hops.
        Mono<List<SearchHit>> hits = Mono.fromCallable(() -> index.search(request));
        return (index.inMemory() ? hits : hits.subscribeOn(Schedulers.boundedElastic()))
                .map(found -> new SearchResponse(q, found.stream().map(h -> Hit.of(h, index.concepts())).toList()));
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            throw badRequest("Bitte einen Suchtext im Parameter „q“ angeben.");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw badRequest(String.format(Locale.GERMAN, "Der Suchtext ist zu lang: höchstens %,d Zeichen, erhalten %,d.",
                    MAX_QUERY_LENGTH, q.length()));
        }
        return q;
    }

    private int k(String k) {
        if (k == null || k.isBlank()) {
            return properties.defaultK();
        }
        try {
            int value = Integer.parseInt(k.strip());
            if (value >= 1 && value <= MAX_K) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badRequest("Der Parameter „k“ muss eine ganze Zahl von 1 bis %d sein, erhalten: „%s“."
                .formatted(MAX_K, k));
    }

    private static Activity activity(String taetigkeit) {
        if (taetigkeit == null || taetigkeit.isBlank()) {
            return null;
        }
        return Activity.parse(taetigkeit).orElseThrow(() -> badRequest(
                "Unbekannte Tätigkeit „%s“. Möglich sind: %s (oder B, K, P).".formatted(taetigkeit,
                        Arrays.stream(Activity.values()).map(Activity::label).collect(Collectors.joining(", ")))));
    }

    private String caseId(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return null;
        }
        return study.caseById(caseId.strip()).map(CaseStudy::id).orElseThrow(() -> badRequest(
                "Unbekannter Fall „%s“. Die Studie hat die Fälle B1–B7, K1–K7 und P1–P4.".formatted(caseId)));
    }

    private String section(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        String id = section.strip().toLowerCase(Locale.ROOT);
        if (!sectionIds.contains(id)) {
            throw badRequest("Unbekannter Abschnitt „%s“. Möglich sind: %s.".formatted(section,
                    String.join(", ", sectionIds)));
        }
        return id;
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
