package de.studienlotse.advisor;

import de.studienlotse.corpus.GermanFold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Consultation briefs, for the signed-in advisor (role {@code ADVISOR}, see the security configuration): create one
 * from a client profile, list, read, edit (remove an item, add or remove a note), delete, export as Markdown or PDF.
 * Every brief belongs to the advisor who created it; another advisor's id answers 404, as if it did not exist.
 */
@RestController
@Tag(name = "Beratungsbriefe", description = "Belegte Briefe zur Vorbereitung eines Beratungsgesprächs (Rolle ADVISOR)")
class BriefController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final int MAX_NOTE = 2000;
    static final int MAX_NOTES = 50;

    private final BriefAssembler assembler;
    private final BriefSummarizer summarizer;
    private final BriefRepository repository;
    private final Clock clock;

    BriefController(BriefAssembler assembler, BriefSummarizer summarizer, BriefRepository repository) {
        this.assembler = assembler;
        this.summarizer = summarizer;
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    /** The note of {@code POST /api/briefs/{id}/notes}. */
    record NoteRequest(String text) {
    }

    @PostMapping(path = "/api/briefs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Brief aus einem Kundenprofil erstellen (Branche, Größe, Tätigkeit, Anliegen, Notizen) und speichern")
    Mono<ResponseEntity<Brief>> create(@RequestBody ClientProfile profile, Principal advisor) {
        ClientProfile checked = profile.validated();
        Instant now = now();
        return Mono.fromCallable(() -> assembler.assemble(checked, now))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(summarizer::summarize)
                .map(brief -> brief.withId(UUID.randomUUID().toString()))
                .flatMap(brief -> repository.insert(advisor.getName(), brief))
                .map(brief -> ResponseEntity.created(URI.create("/api/briefs/" + brief.id())).body(brief));
    }

    @GetMapping("/api/briefs")
    @Operation(summary = "Die eigenen Briefe, zuletzt geänderte zuerst")
    Flux<BriefRepository.Listed> list(Principal advisor) {
        return repository.list(advisor.getName());
    }

    @GetMapping("/api/briefs/{id}")
    @Operation(summary = "Ein eigener Brief")
    Mono<Brief> read(@PathVariable String id, Principal advisor) {
        return find(id, advisor);
    }

    @GetMapping("/api/briefs/{id}.md")
    @Operation(summary = "Ein eigener Brief als Markdown, Zitate mit Fußnoten")
    Mono<ResponseEntity<String>> markdown(@PathVariable String id, Principal advisor, ServerHttpRequest request) {
        return find(id, advisor).map(brief -> ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(brief, "md"))
                .body(BriefMarkdown.render(brief, baseUrl(request))));
    }

    @GetMapping("/api/briefs/{id}.pdf")
    @Operation(summary = "Ein eigener Brief als PDF, Zitate mit Fußnoten, Quelle und Lizenz auf jeder Seite")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, Principal advisor, ServerHttpRequest request) {
        String base = baseUrl(request);
        return find(id, advisor)
                .publishOn(Schedulers.boundedElastic())
                .map(brief -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(brief, "pdf"))
                        .body(BriefPdf.render(brief, base)));
    }

    @DeleteMapping("/api/briefs/{id}/items/{itemId}")
    @Operation(summary = "Einen Eintrag aus dem Brief entfernen (mit den Einträgen, die ihm antworten)")
    Mono<Brief> removeItem(@PathVariable String id, @PathVariable String itemId, Principal advisor) {
        return change(id, advisor, (brief, now) -> {
            Brief changed = brief.withoutItem(itemId, now);
            if (changed == null) throw notFound("Diesen Eintrag gibt es im Brief nicht.");
            return changed;
        });
    }

    @PostMapping(path = "/api/briefs/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Eine eigene Notiz an den Brief anfügen")
    Mono<Brief> addNote(@PathVariable String id, @RequestBody NoteRequest note, Principal advisor) {
        String text = note == null || note.text() == null ? "" : note.text().strip();
        if (text.isEmpty()) throw badRequest("Die Notiz ist leer.");
        if (text.length() > MAX_NOTE) {
            throw badRequest("Die Notiz ist zu lang (%d Zeichen, höchstens %d).".formatted(text.length(), MAX_NOTE));
        }
        return change(id, advisor, (brief, now) -> {
            if (brief.notes().size() >= MAX_NOTES) throw badRequest("Höchstens %d Notizen je Brief.".formatted(MAX_NOTES));
            return brief.withNote(text, now);
        });
    }

    @DeleteMapping("/api/briefs/{id}/notes/{noteId}")
    @Operation(summary = "Eine eigene Notiz entfernen")
    Mono<Brief> removeNote(@PathVariable String id, @PathVariable String noteId, Principal advisor) {
        return change(id, advisor, (brief, now) -> {
            Brief changed = brief.withoutNote(noteId, now);
            if (changed == null) throw notFound("Diese Notiz gibt es im Brief nicht.");
            return changed;
        });
    }

    @DeleteMapping("/api/briefs/{id}")
    @Operation(summary = "Einen eigenen Brief löschen")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, Principal advisor) {
        return repository.delete(advisor.getName(), id).map(deleted -> {
            if (!deleted) throw notFound("Diesen Brief gibt es nicht.");
            return ResponseEntity.noContent().build();
        });
    }

    private Mono<Brief> find(String id, Principal advisor) {
        return repository.find(advisor.getName(), id).switchIfEmpty(Mono.error(() -> notFound("Diesen Brief gibt es nicht.")));
    }

    /** Read, change, write back if nobody changed it meanwhile (409 otherwise). */
    private Mono<Brief> change(String id, Principal advisor, BiFunction<Brief, Instant, Brief> edit) {
        return find(id, advisor).flatMap(brief -> {
            Instant now = now();
            Brief changed = edit.apply(brief, now.isAfter(brief.updatedAt()) ? now : brief.updatedAt().plusMillis(1));
            return repository.update(advisor.getName(), changed, brief.updatedAt())
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                            "Der Brief wurde inzwischen anders geändert. Bitte neu laden und noch einmal versuchen.")));
        });
    }

    /** Milliseconds: what both databases store exactly, so a brief's version compares equal after a round trip. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String baseUrl(ServerHttpRequest request) {
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).fragment(null)
                .build().toUriString();
    }

    /** "beratungsbrief-2026-11-26-steuerberatung-buchhaltung.pdf" */
    private static String attachment(Brief brief, String extension) {
        String slug = Normalizer.normalize(GermanFold.fold(BriefMarkdown.title(brief.profile())), Normalizer.Form.NFD)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String name = "beratungsbrief-" + BriefMarkdown.DATE.format(brief.createdAt()).replaceAll("(\\d+)\\.(\\d+)\\.(\\d+)", "$3-$2-$1")
                + (slug.isEmpty() ? "" : "-" + (slug.length() > 60 ? slug.substring(0, 60) : slug)) + "." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
