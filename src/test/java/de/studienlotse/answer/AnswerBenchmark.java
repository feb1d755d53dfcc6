package de.studienlotse.answer;

import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchProperties;
import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.ModelStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An offline answer's own work, in process: question understanding, source selection (every search it makes),
 * abstention and the extractive composition with its citation check ({@link #answer()}); and the whole answer as the
 * chat serves it ({@link #served()}): the same through {@link AnswerService}, plus renumbering, the citations, the
 * per-statement grounding and the events, with its hop to {@code boundedElastic}. No HTTP, no storage.
 * {@code ./mvnw -q test-compile exec:exec@bench -Dbench.args="AnswerBenchmark -f 1 -wi 3 -i 5"} (p0.50 is the median).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AnswerBenchmark {

    /** Questions of SME owners written for the benchmarks (the same as SearchBenchmark's), one out of scope. */
    @Param({
            "Wie lange hat die Einführung der Rechnungsverarbeitung gedauert?",
            "Welche Herausforderungen gab es beim Datenschutz?",
            "Wie haben die Firmen ihre Kollegen von der KI überzeugt?",
            "War ein Betriebsrat beteiligt und welche Tipps gibt es für die interne Kommunikation?",
            "What were the success factors for capacity planning?",
            "Welche Förderprogramme gibt es in Bayern?"
    })
    public String question;

    private PassageIndex index;
    private QuestionAnalyzer analyzer;
    private SourceSelector selector;
    private Abstention abstention;
    private ExtractiveAnswerer answerer;
    private AnswerRequest request;
    private AnswerService service;

    @Setup(Level.Trial)
    public void setUp() {
        Study study = QuestionAnalyzerTests.study();
        AnswerProperties properties = new AnswerProperties(8, 3, 12,
                new AnswerProperties.AbstentionProperties(0.22, 0.20, 1.0, 0.3), 360);
        index = PassageIndex.create(study, SearchProperties.defaults());
        analyzer = new QuestionAnalyzer(study, index);
        selector = new SourceSelector(index, study, properties);
        abstention = new Abstention(properties, study, index);
        answerer = new ExtractiveAnswerer(properties, index);
        request = AnswerRequest.of(question);
        LlmAnswerer offline = new LlmAnswerer(LanguageModel.extractive(), new ModelStream(Duration.ofSeconds(10),
                Duration.ofSeconds(60)), new de.studienlotse.answer.llm.LlmProperties(
                de.studienlotse.answer.llm.LlmProperties.Provider.EXTRACTIVE, null, null, null, Duration.ofSeconds(60),
                Duration.ofSeconds(20), 0.1, 1024), new LlmAnswerer.PromptProperties("classpath:prompts/"), index, study);
        service = new AnswerService(analyzer, selector, answerer, offline, abstention, new Grounding(index));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public String answer() {
        AnalyzedQuestion analyzed = analyzer.analyze(request);
        SourceSelector.Selection selection = selector.select(analyzed);
        var reason = abstention.reason(analyzed, selection);
        if (reason.isPresent()) {
            return abstention.text(analyzed, reason.get(), abstention.suggestions(analyzed, selection));
        }
        List<Source> sources = selection.sources();
        return CitationFilter.check(answerer.answer(analyzed, sources), sources.size());
    }

    @Benchmark
    public Answer served() {
        return service.answer(request).block();
    }
}
