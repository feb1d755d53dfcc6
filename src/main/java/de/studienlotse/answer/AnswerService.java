package de.studienlotse.answer;

import de.studienlotse.llm.LlmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The answer pipeline: question (+ conversation) → standalone query → sources → answer → checked citations.
 * The stream always ends with {@link AnswerEvent.Done}: a failing or stalling language model is replaced by the
 * extractive answer with a visible notice.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final QuestionAnalyzer analyzer;
    private final SourceSelector selector;
    private final ExtractiveAnswerer extractive;
    private final LlmAnswerer llm;
    private final Abstention abstention;
    private final Grounding grounding;

    AnswerService(QuestionAnalyzer analyzer, SourceSelector selector, ExtractiveAnswerer extractive, LlmAnswerer llm,
                  Abstention abstention, Grounding grounding) {
        this.grounding = grounding;
        this.analyzer = analyzer;
        this.selector = selector;
        this.extractive = extractive;
        this.llm = llm;
        this.abstention = abstention;
        // the answer texts are read now, at start-up, not by the first answer on an event loop
        Texts.bundle(Language.DE);
    }

    /** Sources, then checked text deltas, then the whole answer. */
    public Flux<AnswerEvent> stream(AnswerRequest request) {
        return prepare(request).flatMapMany(this::respond);
    }

    /** The whole answer at once. */
    public Mono<Answer> answer(AnswerRequest request) {
        return stream(request).filter(e -> e instanceof AnswerEvent.Done).map(e -> ((AnswerEvent.Done) e).answer()).last();
    }

    public String backend() {
        return llm.available() ? llm.backend() : ExtractiveAnswerer.BACKEND;
    }

    private Mono<Prepared> prepare(AnswerRequest request) {
        Mono<AnswerRequest> standalone = !llm.available() || request.history().isEmpty()
                ? Mono.just(request)
                : orNothing(llm.standalone(request.message(), request.history())
                        .map(text -> new AnswerRequest(text, request.history(), request.activity(), request.caseId())),
                        "Follow-up rewrite failed, using the heuristic")
                        .defaultIfEmpty(request);
        // Offline over the in-memory index the whole answer is about a millisecond of CPU that never waits: it runs where
        // the request arrived, without two thread switches and a queue per answer. With a model the rewrites complete on
        // its HTTP client's threads, and an index on disk may wait for the file system: then it moves to boundedElastic.
        boolean hop = llm.available() || !selector.inMemory();
        return standalone.flatMap(rewritten -> (hop ? studyQuery(rewritten).publishOn(Schedulers.boundedElastic())
                : studyQuery(rewritten)).map(studyQuery -> {
                    AnalyzedQuestion question = analyzer.analyze(rewritten);
                    if (rewritten != request) {
                        // keep the language the user typed in; retrieval and the model use the standalone wording,
                        // since the answer prompt carries no history that could resolve "dort" or "das Unternehmen"
                        AnalyzedQuestion original = analyzer.analyze(request);
                        question = new AnalyzedQuestion(question.text(), question.text(), original.language(),
                                question.topics(), question.caseIds(), question.activity(),
                                // a question the model left as it was is no follow-up
                                !rewritten.message().strip().equals(request.message().strip()), question.whichCases());
                    }
                    question = question.withStudyQuery(studyQuery.orElse(null));
                    return new Prepared(question, selector.select(question), followUpOf(question, request));
                }));
    }

    /** What a follow-up was read with: the last question before it, with the cases and Tätigkeit it kept. */
    private static FollowUp followUpOf(AnalyzedQuestion question, AnswerRequest request) {
        if (!question.followUp()) {
            return null;
        }
        Turn previous = null;
        for (Turn turn : request.history()) {
            if (turn.role() == Turn.Role.USER && !turn.content().isBlank()) {
                previous = turn;
            }
        }
        return previous == null ? null : new FollowUp(previous.content().strip(), question.caseIds(),
                question.activity() == null ? null : question.activity().label());
    }

    /** The model's rewrite of the question into the study's words, searched beside it; none offline or on failure. */
    private Mono<Optional<String>> studyQuery(AnswerRequest request) {
        if (!llm.available()) {
            return Mono.just(Optional.empty());
        }
        return orNothing(llm.studyQuery(request.message()), "Query rewrite into the study's words failed, searching the question alone")
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** A model call that only improves retrieval: its failure is logged and the answer goes on without it. */
    private static <T> Mono<T> orNothing(Mono<T> call, String warning) {
        return call.onErrorResume(e -> {
            log.warn("{}: {}", warning, e.toString());
            return Mono.empty();
        });
    }

    private Flux<AnswerEvent> respond(Prepared prepared) {
        AnalyzedQuestion question = prepared.question();
        List<Source> sources = prepared.selection().sources();
        Optional<Abstention.Reason> reason = abstention.reason(question, prepared.selection());
        if (reason.isPresent()) {
            return abstain(prepared, reason.get(), ExtractiveAnswerer.BACKEND, sourcesEvent(sources));
        }
        if (!llm.available()) {
            Citations.Renumbered answer = Citations.renumber(
                    CitationFilter.check(extractive.answer(question, sources), sources.size()), sources);
            return Flux.concat(Flux.just(sourcesEvent(answer.sources())), pieces(answer.text()),
                    Flux.just(done(prepared, answer, ExtractiveAnswerer.BACKEND, null)));
        }
        return Flux.concat(Flux.just(sourcesEvent(sources)), fromModel(prepared));
    }

    private static AnswerEvent sourcesEvent(List<Source> sources) {
        return new AnswerEvent.Sources(sources.stream().map(Source::citation).toList());
    }

    private Flux<AnswerEvent> abstain(Prepared prepared, Abstention.Reason reason, String backend, AnswerEvent... before) {
        AnalyzedQuestion question = prepared.question();
        Optional<NotReported.Kind> kind = abstention.notReported(question, prepared.selection());
        List<String> suggestions = abstention.suggestions(question, prepared.selection(), kind);
        String text = abstention.text(question, reason, suggestions,
                reason == Abstention.Reason.NOT_REPORTED ? kind : Optional.empty());
        return Flux.concat(Flux.just(before), pieces(text), Flux.just(new AnswerEvent.Done(new Answer(text, List.of(), true,
                false, backend, null, suggestions, List.of(), question.followUp(), prepared.followUpOf()))));
    }

    /**
     * Model deltas through the citation filter; on error or timeout the extractive answer continues the text. A model
     * that finds no answer in its sources says so with {@link #NO_ANSWER} (prompts/answer-system.md), held back until
     * it is clear the reply does not start with it; then the abstention is the service's own.
     */
    private Flux<AnswerEvent> fromModel(Prepared prepared) {
        AnalyzedQuestion question = prepared.question();
        List<Source> sources = prepared.selection().sources();
        CitationFilter filter = new CitationFilter(sources.size());
        AnswerGuard guard = llm.guard();
        StringBuilder streamed = new StringBuilder();
        AtomicReference<String> notice = new AtomicReference<>();
        AtomicBoolean modelAbstained = new AtomicBoolean();
        Flux<AnswerEvent> model = withoutNoAnswer(llm.answer(question, sources), modelAbstained)
                .map(filter::accept)
                .concatWith(Mono.fromSupplier(filter::flush))
                // only cited statements, no link, HTML or prompt text, whatever the model was talked into
                .map(guard::accept)
                .concatWith(Mono.fromSupplier(guard::flush))
                .filter(s -> !s.isEmpty())
                .doOnNext(streamed::append)
                .map(s -> (AnswerEvent) new AnswerEvent.Token(s))
                .concatWith(Mono.defer(() -> {
                    if (guard.droppedAny()) log.info("Model answer checked, text dropped: {}", guard.summary());
                    // a reply that ends without text (a reasoning model out of tokens, a filtered completion) answers nothing
                    return streamed.toString().isBlank() && !modelAbstained.get()
                            ? Mono.error(guard.droppedAny() ? new UncitedAnswer() : new LlmException(llm.backend() + " finished without any text"))
                            : Mono.empty();
                }))
                .onErrorResume(error -> {
                    boolean uncited = error instanceof UncitedAnswer;
                    if (!uncited) log.warn("Language model failed, answering extractively: {}", error.toString());
                    modelAbstained.set(false);
                    // what the model wrote up to its last marker stays; the extractive answer continues it
                    String rest = uncited ? "" : guard.flush();
                    streamed.append(rest);
                    String text = Texts.text(question.language(), uncited ? "notice.uncited" : "notice.fallback");
                    notice.set(text);
                    String fallback = rest + (streamed.toString().isBlank() ? "" : "\n\n---\n\n") + "*" + text + "*\n\n"
                            + CitationFilter.check(extractive.answer(question, sources), sources.size());
                    streamed.append(fallback.substring(rest.length()));
                    return Flux.just(new AnswerEvent.Token(fallback));
                });
        return Flux.concat(model, Flux.defer(() -> {
            if (modelAbstained.get() && streamed.toString().isBlank()) {
                return abstain(prepared, Abstention.Reason.OUT_OF_DOMAIN, llm.backend());
            }
            String backend = notice.get() == null ? llm.backend() : ExtractiveAnswerer.BACKEND;
            // the tokens went out with the retrieval's numbers; the finished answer counts its markers in reading order
            return Flux.just(done(prepared, Citations.renumber(streamed.toString(), sources), backend, notice.get()));
        }));
    }

    /** What the prompt asks a model to write, and nothing else, when its sources do not answer the question. */
    static final String NO_ANSWER = "[[KEINE_ANGABEN]]";

    /** The model's deltas, unless they start with {@link #NO_ANSWER}: then none, and {@code abstained} is set. */
    static Flux<String> withoutNoAnswer(Flux<String> deltas, AtomicBoolean abstained) {
        return Flux.defer(() -> {
            StringBuilder head = new StringBuilder();
            AtomicBoolean decided = new AtomicBoolean();
            return deltas.concatMap(delta -> {
                if (decided.get()) {
                    return abstained.get() ? Flux.<String>empty() : Flux.just(delta);
                }
                head.append(delta);
                String start = head.toString().stripLeading();
                if (start.startsWith(NO_ANSWER)) {
                    decided.set(true);
                    abstained.set(true);
                    return Flux.<String>empty();
                }
                if (NO_ANSWER.startsWith(start)) {
                    return Flux.<String>empty(); // may still become the sentinel
                }
                decided.set(true);
                return Flux.just(head.toString());
            }).concatWith(Mono.fromSupplier(() -> decided.get() ? "" : head.toString()));
        });
    }

    private AnswerEvent.Done done(Prepared prepared, Citations.Renumbered answer, String backend, String notice) {
        List<Citation> citations = Citations.of(answer.text(), answer.sources());
        return new AnswerEvent.Done(new Answer(answer.text(), citations, false, citations.isEmpty(), backend, notice,
                List.of(), grounding.statements(answer.text(), citations), prepared.question().followUp(),
                prepared.followUpOf()));
    }

    /**
     * A finished text in at most three pieces (the first paragraph, then the rest in two halves at paragraph ends):
     * it is all there, so the client renders it at once instead of re-rendering after every few words.
     */
    static Flux<AnswerEvent> pieces(String text) {
        List<Integer> breaks = new ArrayList<>();
        for (int i = text.indexOf("\n\n"); i >= 0; i = text.indexOf("\n\n", i + 2)) {
            breaks.add(i + 2);
        }
        List<String> pieces = new ArrayList<>();
        if (breaks.isEmpty()) {
            pieces.add(text);
        } else {
            int first = breaks.getFirst();
            pieces.add(text.substring(0, first));
            List<Integer> later = breaks.stream().filter(b -> b > first).toList();
            int middle = later.isEmpty() ? -1 : later.get((later.size() - 1) / 2);
            if (middle > 0 && middle < text.length()) {
                pieces.add(text.substring(first, middle));
                pieces.add(text.substring(middle));
            } else {
                pieces.add(text.substring(first));
            }
        }
        return Flux.fromIterable(pieces).filter(p -> !p.isEmpty()).map(AnswerEvent.Token::new);
    }

    private record Prepared(AnalyzedQuestion question, SourceSelector.Selection selection, FollowUp followUpOf) {
    }

    /** The model's answer held no statement with a valid citation: the extractive one replaces it. */
    private static final class UncitedAnswer extends RuntimeException {

        UncitedAnswer() {
            super("the model's answer held no cited statement", null, false, false);
        }
    }

}
