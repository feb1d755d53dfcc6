package de.studienlotse.web;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves the service as an RFC 9457 problem detail with a German title and detail, never a stack trace.
 * Features signal errors with {@code ResponseStatusException(status, "German detail")}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** The largest body any endpoint reads ({@code spring.codec.max-in-memory-size}), named in the 413's detail. */
    private final DataSize maxBody;

    ProblemDetailsAdvice(@Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (ex instanceof ErrorResponse response && problem != response.getBody() && response.getBody().getProperties() != null) {
            // what a feature adds to its problem (e.g. the client id a refused rating may be sent again with) stays
            response.getBody().getProperties().forEach(problem::setProperty);
        }
        problem.setTitle(germanTitle(status));
        String detail = germanDetail(ex);
        if (detail != null) {
            problem.setDetail(detail);
        }
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            // every problem says what went wrong, also for an exception no case below knows yet
            problem.setDetail("Die Anfrage kann so nicht beantwortet werden (%s).".formatted(germanTitle(status)));
        }
        return super.handleExceptionInternal(ex, problem, problemJson(headers), status, exchange);
    }

    /**
     * Problem details are JSON even for a client that accepts only {@code text/event-stream} (the chat widget asks the
     * stream endpoint that way); without this WebFlux writes the problem as one server-sent event with status 400.
     */
    private static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders json = new HttpHeaders();
        if (headers != null) {
            json.putAll(headers);
        }
        json.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return json;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        String fields = ex.getFieldErrors().stream()
                .map(e -> e.getField() + ": " + e.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Die Anfrage ist unvollständig oder ungültig – " + fields);
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.");
        problem.setTitle(germanTitle(HttpStatus.INTERNAL_SERVER_ERROR));
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).headers(problemJson(null)).body(problem));
    }

    static String germanTitle(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Ungültige Anfrage";
            case 401 -> "Anmeldung erforderlich";
            case 403 -> "Kein Zugriff";
            case 404 -> "Nicht gefunden";
            case 405 -> "Methode nicht erlaubt";
            case 406 -> "Format nicht verfügbar";
            case 409 -> "Konflikt";
            case 413 -> "Anfrage zu groß";
            case 414 -> "Adresse zu lang";
            case 415 -> "Format nicht unterstützt";
            case 429 -> "Zu viele Anfragen";
            case 431 -> "Kopfzeilen zu groß";
            case 503 -> "Dienst vorübergehend nicht verfügbar";
            default -> status.is5xxServerError() ? "Interner Fehler" : "Fehler";
        };
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) return type.cast(cause);
        }
        return null;
    }

    /** The unknown field as the body nests it: {@code filters.fall}, {@code reasons[0].x}, or just {@code anliegen}. */
    private static String fieldPath(UnrecognizedPropertyException unknown) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : unknown.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? String.valueOf(unknown.getPropertyName()) : path.toString();
    }

    /** German wording for Spring's own exceptions; {@code null} keeps the detail a feature wrote. */
    private String germanDetail(Exception ex) {
        if (ex instanceof NoResourceFoundException) {
            return "Diese Adresse gibt es nicht.";
        }
        if (ex instanceof MethodNotAllowedException m) {
            return "Die Methode %s ist hier nicht erlaubt.".formatted(m.getHttpMethod());
        }
        if (ex instanceof NotAcceptableStatusException) {
            return "Diese Antwort gibt es nur als JSON (Accept: application/json; der Chat-Stream auch als text/event-stream).";
        }
        if (ex instanceof UnsupportedMediaTypeStatusException) {
            return "Dieses Format wird nicht unterstützt. Bitte JSON senden (Content-Type: application/json).";
        }
        if (ex instanceof ServerWebInputException input && !(ex instanceof WebExchangeBindException)) {
            UnrecognizedPropertyException unknown = causeOf(input, UnrecognizedPropertyException.class);
            if (unknown != null) {
                return "Das Feld „%s“ gibt es in dieser Anfrage nicht. Bitte prüfen Sie die Schreibweise des Feldnamens."
                        .formatted(fieldPath(unknown));
            }
            if (input.getCause() instanceof DecodingException || input.getMostSpecificCause() instanceof DecodingException) {
                return "Der Inhalt der Anfrage ist kein gültiges JSON oder passt nicht zum erwarteten Aufbau.";
            }
            if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
                return "Der Parameter „%s“ hat einen ungültigen Wert.".formatted(input.getMethodParameter().getParameterName());
            }
            return input.getReason() != null && input.getReason().startsWith("No request body")
                    ? "Die Anfrage braucht einen JSON-Inhalt."
                    : "Die Anfrage ist ungültig.";
        }
        if (ex instanceof ContentTooLargeException || ex instanceof PayloadTooLargeException) {
            return "Der Inhalt der Anfrage ist zu groß: höchstens %d KB. Bitte kürzen Sie Frage oder Kommentar."
                    .formatted(maxBody.toKilobytes());
        }
        // Spring's own subclasses carry English reasons; ours (e.g. a 503 with Retry-After) carry German ones
        if (ex instanceof ResponseStatusException rse && (rse.getClass() == ResponseStatusException.class
                || rse.getClass().getName().startsWith("de.studienlotse."))) {
            return rse.getReason();
        }
        return null;
    }
}
