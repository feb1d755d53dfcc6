package de.studienlotse.chat;

import de.studienlotse.answer.Answer;
import de.studienlotse.answer.AnswerEvent;
import de.studienlotse.answer.AnswerRequest;
import de.studienlotse.answer.AnswerService;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.Turn;
import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.Study;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The chat API: one answer as JSON, or the same answer streamed as server-sent events. */
@RestController
@Tag(name = "Chat", description = "Fragen an die Studie, Antworten mit Quellen")
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    static final String HISTORY_UNAVAILABLE =
            "Der bisherige Verlauf dieser Unterhaltung ist gerade nicht abrufbar; die Frage wurde ohne ihn beantwortet.";
    static final String NOT_RATEABLE =
            "Diese Antwort konnte gerade nicht gespeichert werden und lässt sich deshalb nicht bewerten.";

    private final AnswerService answers;
    private final Conversations conversations;
    private final ExchangeLog exchanges;
    private final ChatProperties properties;
    private final Study study;

    ChatController(AnswerService answers, Conversations conversations, ExchangeLog exchanges, ChatProperties properties,
                   Study study) {
        this.answers = answers;
        this.conversations = conversations;
        this.exchanges = exchanges;
        this.properties = properties;
        this.study = study;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Eine Frage stellen und die ganze Antwort mit Quellen erhalten")
    Mono<ChatResponse> chat(@RequestBody ChatRequest request) {
        Checked checked = check(request);
        return accept(checked).flatMap(accepted -> answers.answer(accepted.request())
                .flatMap(answer -> remember(accepted, answer).map(rateable -> response(accepted, answer, rateable))));
    }

    @PostMapping(path = "/api/chat/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Eine Frage stellen und die Antwort als Server-Sent Events erhalten",
            description = "Ereignisse: sources (vor jedem Text), token ({\"text\"}), done (die ganze Antwort), error (Problem Detail).")
    Flux<ServerSentEvent<Object>> stream(@RequestBody ChatRequest request) {
        Checked checked = check(request);
        // an unknown conversation fails before the stream starts: a plain 404 problem, not an error event
        return accept(checked).flatMapMany(accepted -> answers.stream(accepted.request())
                .concatMap(event -> switch (event) {
                    case AnswerEvent.Sources s -> Mono.just(sse("sources", new SourcesEvent(accepted.conversationId(),
                            accepted.messageId(), s.sources())));
                    case AnswerEvent.Token t -> Mono.just(sse("token", Map.of("text", t.text())));
                    case AnswerEvent.Done d -> remember(accepted, d.answer())
                            .map(rateable -> sse("done", response(accepted, d.answer(), rateable)));
                })
                .onErrorResume(error -> {
                    log.error("Answer stream failed", error);
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                            "Die Antwort konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal.");
                    problem.setTitle("Interner Fehler");
                    return Mono.just(sse("error", problem));
                })
                // the heartbeat is cancelled when done passes, often on an event loop (PostgreSQL's driver completes there);
                // its cancel takes the timer's lock, so it runs on boundedElastic (BlockHound, LoadProofPostgresIT)
                .mergeWith(Flux.interval(properties.heartbeat()).map(i -> ServerSentEvent.<Object>builder().comment("keep-alive").build())
                        .cancelOn(Schedulers.boundedElastic()))
                .takeUntil(event -> "done".equals(event.event()) || "error".equals(event.event())));
    }

    private static ChatResponse response(Accepted accepted, Answer answer, boolean rateable) {
        String notice = rateable ? accepted.notice()
                : accepted.notice() == null ? NOT_RATEABLE : accepted.notice() + " " + NOT_RATEABLE;
        return ChatResponse.of(accepted.conversationId(), accepted.messageId(), answer, notice, rateable);
    }

    /**
     * Keeps the answer as the conversation's next turn and in the exchange log (what a rating refers to), and says
     * whether the answer can be rated. The answer (and the stream's {@code done}) waits until both writes are done, so a
     * rating sent right after it finds its answer; never fails: if the answer cannot be stored within
     * {@code store-timeout}, it goes out saying it cannot be rated, and a write still under way finishes in the
     * background (it is never cancelled, so nothing is half-written).
     */
    private Mono<Boolean> remember(Accepted accepted, Answer answer) {
        String question = accepted.request().message();
        Exchange exchange = new Exchange(accepted.messageId(), accepted.conversationId(), question, answer.text(),
                answer.citations(), answer.backend(), Instant.now());
        Mono<Boolean> writes = Mono.zip(
                conversations.append(accepted.conversationId(), new ConversationTurn(question, answer.text()))
                        .onErrorResume(e -> notStored("conversation " + accepted.conversationId(), e))
                        .thenReturn(true),
                exchanges.record(exchange).thenReturn(true)
                        .onErrorResume(e -> notStored("answer " + accepted.messageId(), e).thenReturn(false)),
                (turn, rateable) -> rateable);
        // subscribed now and never cancelled: the limit below (and a client that leaves) only stops waiting, not writing
        CompletableFuture<Boolean> written = writes.toFuture();
        // the limit fires on boundedElastic: on Reactor's parallel thread the done event that follows would cancel the
        // heartbeat there, which takes its scheduler's lock (BlockHound caught it under load, LoadProofH2IT)
        return Mono.fromFuture(written, true)
                .timeout(properties.storeTimeout(), Mono.fromCallable(() -> {
                    log.warn("Storing answer {} takes longer than {}; answered as not rateable", accepted.messageId(),
                            properties.storeTimeout());
                    return false;
                }), Schedulers.boundedElastic());
    }

    private static Mono<Void> notStored(String what, Throwable error) {
        log.warn("Could not store {}: {}", what, error.toString());
        return Mono.empty();
    }

    private static ServerSentEvent<Object> sse(String event, Object data) {
        return ServerSentEvent.builder(data).event(event).build();
    }

    /** Checks a request completely before anything is answered or stored. */
    private Checked check(ChatRequest request) {
        if (request != null && request.retiredHistory() != null) {
            // the server keeps the conversation; a client that still sends its turns must learn that they are not read
            throw bad("Das Feld „history“ gibt es nicht mehr: Der Server führt die Unterhaltung selbst. Bitte senden Sie "
                    + "nur die „conversationId“ der ersten Antwort (und „fresh“: true für eine Frage ohne Bezug auf die vorigen).");
        }
        if (request == null || request.message() == null || request.message().isBlank()) {
            throw bad("Bitte geben Sie eine Frage ein (das Feld „message“ ist leer).");
        }
        if (request.message().length() > properties.maxMessageLength()) {
            throw bad("Die Frage ist zu lang: höchstens %d Zeichen, erhalten %d."
                    .formatted(properties.maxMessageLength(), request.message().length()));
        }
        Activity activity = null;
        String caseId = null;
        if (request.filters() != null) {
            String taetigkeit = request.filters().taetigkeit();
            if (taetigkeit != null && !taetigkeit.isBlank()) {
                activity = Activity.parse(taetigkeit).orElseThrow(() -> bad(
                        "Unbekannte Tätigkeit „%s“. Möglich sind Buchhaltung, Kundenberatung und Kapazitätsplanung.".formatted(taetigkeit)));
            }
            String wanted = request.filters().caseId();
            if (wanted != null && !wanted.isBlank()) {
                caseId = study.caseById(wanted.strip()).map(c -> c.id()).orElseThrow(() -> bad(
                        "Den Fall „%s“ gibt es nicht. Gültig sind B1–B7, K1–K7 und P1–P4.".formatted(wanted)));
            }
        }
        String conversationId = request.conversationId();
        if (conversationId != null && !conversationId.isBlank()) {
            if (conversationId.length() > 100) {
                throw bad("Die conversationId ist zu lang.");
            }
        } else {
            conversationId = null;
        }
        return new Checked(conversationId, request.message().strip(), activity, caseId,
                Boolean.TRUE.equals(request.fresh()));
    }

    /**
     * Gives the question its conversation: a new one, or the server's record of it. An unknown or expired conversation
     * is a 404; one that cannot be read (database down) answers without the turns before and says so.
     */
    private Mono<Accepted> accept(Checked checked) {
        String messageId = UUID.randomUUID().toString();
        if (checked.conversationId() == null) {
            return Mono.just(new Accepted(UUID.randomUUID().toString(), messageId, checked.request(List.of()), null));
        }
        String conversationId = checked.conversationId();
        return conversations.turns(conversationId).collectList()
                .filter(turns -> !turns.isEmpty())
                .map(turns -> new Accepted(conversationId, messageId, checked.request(ConversationTurn.history(turns)), null))
                .onErrorResume(e -> {
                    log.warn("Could not read conversation {}: {}", conversationId, e.toString());
                    return Mono.just(new Accepted(conversationId, messageId, checked.request(List.of()), HISTORY_UNAVAILABLE));
                })
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Die Unterhaltung „%s“ ist unbekannt oder abgelaufen. Bitte beginnen Sie eine neue Unterhaltung (ohne conversationId)."
                                .formatted(conversationId))));
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    /** A request that passed every check; the conversation's turns are still to be found. */
    private record Checked(String conversationId, String message, Activity activity, String caseId,
                           boolean fresh) {

        /** A fresh question is read without the turns before it, though it stays in the conversation. */
        AnswerRequest request(List<Turn> turns) {
            return new AnswerRequest(message, fresh ? List.of() : turns, activity, caseId);
        }
    }

    /** A question with its conversation and the id its answer will carry. */
    private record Accepted(String conversationId, String messageId, AnswerRequest request, String notice) {
    }

    /** The {@code sources} event: what the answer may cite, before any text. */
    record SourcesEvent(String conversationId, String messageId, List<Citation> sources) {
    }
}
