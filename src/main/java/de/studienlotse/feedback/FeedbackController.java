package de.studienlotse.feedback;

import de.studienlotse.chat.Exchange;
import de.studienlotse.chat.ExchangeLog;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Ratings of answers: anyone rates ({@code POST}), the team reads and exports (role {@code EVALUATOR}, see
 * {@code web.SecurityConfiguration}). A database that is down is a 503 here; the chat keeps answering.
 */
@RestController
@RequestMapping("/api/feedback")
@Tag(name = "Feedback", description = "Bewertungen von Antworten; Lesen und Export nur für das Team (Rolle EVALUATOR)")
class FeedbackController {

    private static final Logger log = LoggerFactory.getLogger(FeedbackController.class);
    static final String CLIENT_ID_HEADER = "X-Client-Id";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_MESSAGE_ID_LENGTH = 64;
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FeedbackRepository repository;
    private final ExchangeLog exchanges;
    private final FeedbackProperties properties;
    private final Clock clock;

    FeedbackController(FeedbackRepository repository, ExchangeLog exchanges, FeedbackProperties properties) {
        this.repository = repository;
        this.exchanges = exchanges;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * Looks the answer up (a 404 if unknown), then stores the rating. The lookup may be cut off by the timeout (nothing
     * is written yet); the write, once started, is never cancelled, neither by the timeout nor by a client that leaves:
     * it commits or fails whole. Waiting for it is bounded by the timeout too; a 503 then cannot say whether the
     * rating is stored, so it names the client id the rating was written with: sent again with it, the rating replaces
     * its own row (one row per message and client), it is never stored twice.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Eine Antwort bewerten (up/down, optional Gründe und Kommentar); eine Bewertung je Antwort und Client, änderbar; höchstens wenige Clients je Antwort")
    Mono<FeedbackReceipt> rate(@RequestBody FeedbackRequest request,
                               @RequestHeader(name = CLIENT_ID_HEADER, required = false) String clientIdHeader) {
        Rated rated = check(request, clientIdHeader);
        return exchanges.find(rated.messageId())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Zur messageId „%s“ gibt es keine Antwort: unbekannt oder zu alt, um sie noch zu bewerten."
                                .formatted(rated.messageId()))))
                .timeout(properties.timeout(), Schedulers.boundedElastic())
                .flatMap(exchange -> {
                    CompletableFuture<Feedback> saved = repository.save(rated.feedback(exchange, clock.instant()),
                            properties.maxClientsPerMessage()).toFuture();
                    return Mono.fromFuture(saved, true).timeout(properties.timeout(), Schedulers.boundedElastic());
                })
                .map(FeedbackReceipt::of)
                .onErrorMap(error -> unavailable(error, rated.clientId()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bewertungen seitenweise lesen, die neuesten zuerst (Rolle EVALUATOR)",
            description = "Filter: rating=up|down, from/to als ISO-Zeitpunkt (2026-11-26T10:00:00Z) oder Datum (2026-11-26, to einschließlich).")
    Mono<FeedbackPage> list(@RequestParam(required = false) String rating, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        FeedbackFilter filter = filter(rating, from, to);
        if (page < 0) {
            throw bad("Die Seite „page“ beginnt bei 0, erhalten %d.".formatted(page));
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw bad("Die Seitengröße „size“ muss zwischen 1 und %d liegen, erhalten %d.".formatted(properties.maxPageSize(), size));
        }
        return repository.find(filter, (long) page * size, size).collectList()
                .zipWith(repository.count(filter))
                .map(found -> new FeedbackPage(found.getT1(), page, size, found.getT2()))
                .timeout(properties.timeout())
                .onErrorMap(this::unavailable);
    }

    @GetMapping(path = "/export.csv")
    @Operation(summary = "Alle Bewertungen als CSV (UTF-8, Trennzeichen „;“), gleiche Filter wie die Liste (Rolle EVALUATOR)")
    ResponseEntity<Flux<String>> exportCsv(@RequestParam(required = false) String rating,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        Flux<String> lines = repository.findAll(filter(rating, from, to))
                .map(feedback -> FeedbackCsv.row(feedback) + "\r\n")
                // the header waits for the database: if it fails first, nothing is sent and the answer is a 503
                .switchOnFirst((first, rows) -> first.isOnError() ? rows : rows.startWith(FeedbackCsv.BOM + FeedbackCsv.HEADER + "\r\n"))
                .onErrorMap(this::unavailable);
        return ResponseEntity.ok().contentType(TEXT_CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment("csv")).body(lines);
    }

    @GetMapping(path = "/export.json")
    @Operation(summary = "Alle Bewertungen als JSON-Array, gleiche Filter wie die Liste (Rolle EVALUATOR)")
    ResponseEntity<Flux<Feedback>> exportJson(@RequestParam(required = false) String rating,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to) {
        Flux<Feedback> all = repository.findAll(filter(rating, from, to)).onErrorMap(this::unavailable);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION, attachment("json"))
                .body(all);
    }

    private String attachment(String extension) {
        return ContentDisposition.attachment()
                .filename("studienlotse-feedback-%s.%s".formatted(LocalDate.now(clock), extension))
                .build().toString();
    }

    /** Checks a rating completely before anything is looked up or stored. */
    private Rated check(FeedbackRequest request, String clientIdHeader) {
        if (request == null || request.messageId() == null || request.messageId().isBlank()) {
            throw bad("Bitte geben Sie die messageId der bewerteten Antwort an.");
        }
        String messageId = request.messageId().strip();
        if (messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw bad("Die messageId ist zu lang: höchstens %d Zeichen.".formatted(MAX_MESSAGE_ID_LENGTH));
        }
        if (request.rating() == null || request.rating().isBlank()) {
            throw bad("Bitte geben Sie eine Bewertung an: „up“ oder „down“.");
        }
        Rating rating = Rating.parse(request.rating()).orElseThrow(() -> bad(
                "Die Bewertung „%s“ ist ungültig; erlaubt sind „up“ und „down“.".formatted(shorten(request.rating()))));
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > properties.maxCommentLength()) {
            throw bad("Der Kommentar ist zu lang: höchstens %d Zeichen, erhalten %d."
                    .formatted(properties.maxCommentLength(), comment.codePointCount(0, comment.length())));
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (request.reasons() != null) {
            for (String reason : request.reasons()) {
                String known = reason == null ? null : properties.reasons().stream()
                        .filter(r -> r.equalsIgnoreCase(reason.strip())).findFirst().orElse(null);
                if (known == null) {
                    throw bad("Unbekannter Grund „%s“. Möglich sind: %s."
                            .formatted(shorten(reason), String.join(", ", properties.reasons())));
                }
                reasons.add(known);
            }
        }
        String clientId = clientId(clientIdHeader, request.clientId());
        return new Rated(messageId, clientId, rating, List.copyOf(reasons), comment);
    }

    /** The header, else the field, else a new random id (returned in the receipt). */
    private static String clientId(String header, String field) {
        String fromHeader = header == null || header.isBlank() ? null : header.strip();
        String fromField = field == null || field.isBlank() ? null : field.strip();
        if (fromHeader != null && fromField != null && !fromHeader.equals(fromField)) {
            throw bad("Header %s und Feld „clientId“ nennen verschiedene Clients.".formatted(CLIENT_ID_HEADER));
        }
        String clientId = fromHeader != null ? fromHeader : fromField;
        if (clientId == null) {
            return UUID.randomUUID().toString();
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw bad("Die Client-Kennung ist ungültig: 1 bis 100 Zeichen aus Buchstaben, Ziffern und . _ : -");
        }
        return clientId;
    }

    private static FeedbackFilter filter(String rating, String from, String to) {
        Rating wanted = null;
        if (rating != null && !rating.isBlank()) {
            wanted = Rating.parse(rating).orElseThrow(() -> bad(
                    "Der Filter „rating“ kennt nur „up“ und „down“, erhalten „%s“.".formatted(shorten(rating))));
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw bad("„from“ muss vor „to“ liegen.");
        }
        return new FeedbackFilter(wanted, start, end);
    }

    /** An ISO instant, or a date: {@code from} its start, {@code to} including that day. */
    private static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() == 10) {
                LocalDate day = LocalDate.parse(text.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw bad("„%s“ ist kein Zeitpunkt: bitte 2026-11-26 oder 2026-11-26T10:00:00Z, erhalten „%s“."
                    .formatted(name, shorten(text)));
        }
    }

    private Throwable unavailable(Throwable error) {
        return unavailable(error, null);
    }

    /** A database that is down, slow or unreachable: 503; our own 400/404 pass through. */
    private Throwable unavailable(Throwable error, String clientId) {
        if (error instanceof ResponseStatusException) {
            return error;
        }
        if (error instanceof FeedbackRepository.TooManyRatingsException tooMany) {
            return new ResponseStatusException(HttpStatus.CONFLICT, ("Diese Antwort haben schon %d Clients bewertet; weitere "
                    + "Bewertungen nimmt Studienlotse nicht an. Eine eigene Bewertung ändern Sie mit derselben Client-Kennung.")
                    .formatted(tooMany.maxClients));
        }
        // a constraint violation or SQL error is a bug, not an outage: it stays a 500
        if (error instanceof TimeoutException || error instanceof DataAccessResourceFailureException
                || error instanceof TransientDataAccessException || error instanceof R2dbcNonTransientResourceException
                || error instanceof R2dbcTransientException || hasCause(error, IOException.class)) {
            log.warn("Feedback database unavailable: {}", error.toString());
            return new DatabaseUnavailable(properties.retryAfter(), clientId, error);
        }
        return error;
    }

    /** The 503 of a database that is down, with {@code Retry-After}: the widget and scripts can wait and try again. */
    static final class DatabaseUnavailable extends ResponseStatusException {

        private final HttpHeaders headers = new HttpHeaders();

        /** @param clientId for a rating: the client id to send it again with, so that it replaces, never doubles */
        DatabaseUnavailable(Duration retryAfter, String clientId, Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Die Bewertungen sind gerade nicht erreichbar (Datenbank). Bitte versuchen "
                    + "Sie es in %d Sekunden noch einmal%s.".formatted(retryAfter.toSeconds(), clientId == null ? ""
                    : " – mit derselben Client-Kennung, dann ersetzt die Bewertung eine vielleicht schon gespeicherte"), cause);
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
            if (clientId != null) {
                getBody().setProperty("clientId", clientId);
            }
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    /** A rating that passed every check. */
    private record Rated(String messageId, String clientId, Rating rating, List<String> reasons, String comment) {

        Feedback feedback(Exchange exchange, Instant now) {
            return new Feedback(messageId, clientId, rating, reasons, comment, exchange.conversationId(),
                    exchange.question(), exchange.answer(), exchange.citations(), exchange.backend(),
                    exchange.createdAt(), now, now);
        }
    }
}
