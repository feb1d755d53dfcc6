package de.studienlotse.chat;

import de.studienlotse.answer.AnswerEvent;
import de.studienlotse.answer.AnswerRequest;
import de.studienlotse.answer.AnswerService;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.Turn;
import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.Study;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/** The chat API: one answer as JSON, or the same answer streamed as server-sent events. */
@RestController
@Tag(name = "Chat", description = "Fragen an die Studie, Antworten mit Quellen")
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final AnswerService answers;
    private final ConversationMemory memory;
    private final ChatProperties properties;
    private final Study study;

    ChatController(AnswerService answers, ConversationMemory memory, ChatProperties properties, Study study) {
        this.answers = answers;
        this.memory = memory;
        this.properties = properties;
        this.study = study;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Eine Frage stellen und die ganze Antwort mit Quellen erhalten")
    Mono<ChatResponse> chat(@RequestBody ChatRequest request) {
        Exchange exchange = accept(request);
        return answers.answer(exchange.request()).map(answer -> {
            memory.append(exchange.conversationId(), exchange.request().message(), answer.text());
            return ChatResponse.of(exchange.conversationId(), exchange.messageId(), answer);
        });
    }

    @PostMapping(path = "/api/chat/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Eine Frage stellen und die Antwort als Server-Sent Events erhalten",
            description = "Ereignisse: sources (vor jedem Text), token ({\"text\"}), done (die ganze Antwort), error (Problem Detail).")
    Flux<ServerSentEvent<Object>> stream(@RequestBody ChatRequest request) {
        Exchange exchange = accept(request);
        return answers.stream(exchange.request())
                .map(event -> switch (event) {
                    case AnswerEvent.Sources s -> sse("sources", new SourcesEvent(exchange.conversationId(),
                            exchange.messageId(), s.sources()));
                    case AnswerEvent.Token t -> sse("token", Map.of("text", t.text()));
                    case AnswerEvent.Done d -> {
                        memory.append(exchange.conversationId(), exchange.request().message(), d.answer().text());
                        yield sse("done", ChatResponse.of(exchange.conversationId(), exchange.messageId(), d.answer()));
                    }
                })
                .onErrorResume(error -> {
                    log.error("Answer stream failed", error);
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                            "Die Antwort konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal.");
                    problem.setTitle("Interner Fehler");
                    return Mono.just(sse("error", problem));
                })
                .mergeWith(Flux.interval(properties.heartbeat()).map(i -> ServerSentEvent.<Object>builder().comment("keep-alive").build()))
                .takeUntil(event -> "done".equals(event.event()) || "error".equals(event.event()));
    }

    private static ServerSentEvent<Object> sse(String event, Object data) {
        return ServerSentEvent.builder(data).event(event).build();
    }

    /** Checks a request completely before anything is answered or stored. */
    private Exchange accept(ChatRequest request) {
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
        List<Turn> history = history(request.history());
        String conversationId = request.conversationId();
        if (conversationId != null && !conversationId.isBlank()) {
            String known = conversationId;
            if (conversationId.length() > 100) {
                throw bad("Die conversationId ist zu lang.");
            }
            if (request.history() == null) {
                history = memory.turns(conversationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Die Unterhaltung „%s“ ist unbekannt oder abgelaufen. Bitte beginnen Sie eine neue Unterhaltung (ohne conversationId)."
                                .formatted(known)));
            }
        } else {
            conversationId = UUID.randomUUID().toString();
        }
        return new Exchange(conversationId, UUID.randomUUID().toString(),
                new AnswerRequest(request.message().strip(), history, activity, caseId));
    }

    private List<Turn> history(List<ChatRequest.HistoryTurn> turns) {
        if (turns == null) {
            return List.of();
        }
        if (turns.size() > properties.maxHistoryTurns()) {
            throw bad("Der Verlauf ist zu lang: höchstens %d Einträge, erhalten %d.".formatted(properties.maxHistoryTurns(), turns.size()));
        }
        List<Turn> history = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < turns.size(); i++) {
            ChatRequest.HistoryTurn turn = turns.get(i);
            if (turn == null || turn.role() == null || turn.content() == null) {
                throw bad("Eintrag %d im Verlauf braucht „role“ und „content“.".formatted(i + 1));
            }
            Turn.Role role = switch (turn.role().toLowerCase(Locale.ROOT)) {
                case "user" -> Turn.Role.USER;
                case "assistant" -> Turn.Role.ASSISTANT;
                default -> throw bad("Eintrag %d im Verlauf hat die unbekannte Rolle „%s“; erlaubt sind „user“ und „assistant“."
                        .formatted(i + 1, turn.role()));
            };
            length += turn.content().length();
            history.add(new Turn(role, turn.content()));
        }
        if (length > properties.maxHistoryLength()) {
            throw bad("Der Verlauf ist zu lang: höchstens %d Zeichen insgesamt.".formatted(properties.maxHistoryLength()));
        }
        return history;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private record Exchange(String conversationId, String messageId, AnswerRequest request) {
    }

    /** The {@code sources} event: what the answer may cite, before any text. */
    record SourcesEvent(String conversationId, String messageId, List<Citation> sources) {
    }
}
