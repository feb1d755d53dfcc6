package de.studienlotse.answer;

import de.studienlotse.answer.llm.LlmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static final String FALLBACK_NOTICE_DE = "Das Sprachmodell war nicht erreichbar oder hat nicht rechtzeitig geantwortet. Diese Antwort ist direkt aus den Textstellen der Studie zusammengestellt.";
    static final String FALLBACK_NOTICE_EN = "The language model could not be reached or did not answer in time. This answer is assembled directly from the study's passages.";
    /** How an LLM says the sources do not answer (prompts/answer-system.md, rule 4). */
    private static final java.util.regex.Pattern LLM_ABSTAINS = java.util.regex.Pattern.compile(
            "^\\W*(Dazu enthält die Studie keine Angaben|The study (does not|doesn't) (cover|contain|say))");

    private final QuestionAnalyzer analyzer;
    private final SourceSelector selector;
    private final ExtractiveAnswerer extractive;
    private final LlmAnswerer llm;
    private final Abstention abstention;

    AnswerService(QuestionAnalyzer analyzer, SourceSelector selector, ExtractiveAnswerer extractive, LlmAnswerer llm,
                  Abstention abstention) {
        this.analyzer = analyzer;
        this.selector = selector;
        this.extractive = extractive;
        this.llm = llm;
        this.abstention = abstention;
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
        return standalone.flatMap(rewritten -> studyQuery(rewritten)
                // Lucene blocks: keep it off the event loop
                .publishOn(Schedulers.boundedElastic()).map(studyQuery -> {
                    AnalyzedQuestion question = analyzer.analyze(rewritten);
                    if (rewritten != request) {
                        // keep the language the user typed in; retrieval and the model use the standalone wording,
                        // since the answer prompt carries no history that could resolve "dort" or "das Unternehmen"
                        AnalyzedQuestion original = analyzer.analyze(request);
                        question = new AnalyzedQuestion(question.text(), question.text(), original.language(),
                                question.topics(), question.caseIds(), question.activity(), true, question.whichCases());
                    }
                    question = question.withStudyQuery(studyQuery.orElse(null));
                    return new Prepared(question, selector.select(question));
                }));
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
        AnswerEvent sourcesEvent = new AnswerEvent.Sources(sources.stream().map(Source::citation).toList());
        Optional<Abstention.Reason> reason = abstention.reason(question, prepared.selection());
        if (reason.isPresent()) {
            List<String> suggestions = abstention.suggestions(question, prepared.selection());
            String text = abstention.text(question, reason.get(), suggestions);
            return Flux.concat(Flux.just(sourcesEvent), tokens(text),
                    Flux.just(new AnswerEvent.Done(new Answer(text, List.of(), true, false, ExtractiveAnswerer.BACKEND, null, suggestions))));
        }
        if (!llm.available()) {
            String text = CitationFilter.check(extractive.answer(question, sources), sources.size());
            return Flux.concat(Flux.just(sourcesEvent), tokens(text), Flux.just(done(question, text, sources,
                    ExtractiveAnswerer.BACKEND, null, prepared.selection())));
        }
        return Flux.concat(Flux.just(sourcesEvent), fromModel(question, sources, prepared.selection()));
    }

    /** Model deltas through the citation filter; on error or timeout the extractive answer continues the text. */
    private Flux<AnswerEvent> fromModel(AnalyzedQuestion question, List<Source> sources, SourceSelector.Selection selection) {
        CitationFilter filter = new CitationFilter(sources.size());
        StringBuilder streamed = new StringBuilder();
        AtomicReference<String> notice = new AtomicReference<>();
        Flux<AnswerEvent> model = llm.answer(question, sources)
                .map(filter::accept)
                .concatWith(Mono.fromSupplier(filter::flush))
                .filter(s -> !s.isEmpty())
                .doOnNext(streamed::append)
                .map(s -> (AnswerEvent) new AnswerEvent.Token(s))
                // a reply that ends without text (a reasoning model out of tokens, a filtered completion) answers nothing
                .concatWith(Mono.defer(() -> streamed.toString().isBlank()
                        ? Mono.error(new LlmException(llm.backend() + " finished without any text"))
                        : Mono.empty()))
                .onErrorResume(error -> {
                    log.warn("Language model failed, answering extractively: {}", error.toString());
                    String text = question.english() ? FALLBACK_NOTICE_EN : FALLBACK_NOTICE_DE;
                    notice.set(text);
                    String fallback = (streamed.toString().isBlank() ? "" : "\n\n---\n\n") + "*" + text + "*\n\n"
                            + CitationFilter.check(extractive.answer(question, sources), sources.size());
                    streamed.append(fallback);
                    return Flux.just(new AnswerEvent.Token(fallback));
                });
        return Flux.concat(model, Mono.fromSupplier(() -> {
            String text = streamed.toString();
            String backend = notice.get() == null ? llm.backend() : ExtractiveAnswerer.BACKEND;
            return done(question, text, sources, backend, notice.get(), selection);
        }));
    }

    private AnswerEvent.Done done(AnalyzedQuestion question, String text, List<Source> sources, String backend,
                                  String notice, SourceSelector.Selection selection) {
        List<Citation> citations = Citations.of(text, sources);
        boolean abstained = LLM_ABSTAINS.matcher(text).find();
        List<String> suggestions = abstained ? abstention.suggestions(question, selection) : List.of();
        return new AnswerEvent.Done(new Answer(text, citations, abstained, !abstained && citations.isEmpty(), backend,
                notice, suggestions));
    }

    /** Splits a finished text into small deltas, so offline answers stream like model answers. */
    static Flux<AnswerEvent> tokens(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && ++words % 4 == 0) {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return Flux.fromIterable(pieces).map(AnswerEvent.Token::new);
    }

    private record Prepared(AnalyzedQuestion question, SourceSelector.Selection selection) {
    }

}
