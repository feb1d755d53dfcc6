package de.studienlotse.evaluation;

import de.studienlotse.answer.Answer;
import de.studienlotse.answer.AnswerEvent;
import de.studienlotse.answer.AnswerRequest;
import de.studienlotse.answer.AnswerService;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.Statement;
import de.studienlotse.corpus.CorpusProperties;
import de.studienlotse.corpus.Study;
import de.studienlotse.evaluation.AnswerJudge.Verdict;
import de.studienlotse.evaluation.RunReport.AnswerRow;
import de.studienlotse.evaluation.RunReport.AnswerScores;
import de.studienlotse.evaluation.RunReport.Latency;
import de.studienlotse.evaluation.RunReport.QuestionResult;
import de.studienlotse.evaluation.RunReport.RankScores;
import de.studienlotse.evaluation.RunReport.RetrievalRow;
import de.studienlotse.evaluation.RunReport.Scores;
import de.studienlotse.evaluation.RunReport.Setup;
import de.studienlotse.evaluation.RunReport.Timing;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Runs the gold set through the real pipeline with the configured backend and scores it ({@link Metrics}); the
 * evaluation command hands in the two {@link Baselines} and an {@link AnswerJudge} as well, scored with the same code.
 * The definitions are in {@code evaluation/README.md}.
 *
 * <p>Retrieval set-ups: {@code search} (the passage index, question alone, top 10), {@code sources} (the passages the
 * answer pipeline hands to the answerer, follow-ups with their history), and with baselines {@code bm25-chunks}
 * (baseline a), {@code easy-rag} (baseline b, top 10) and {@code easy-rag-sources} (baseline b as configured, top 3).
 * Blocking and one run at a time; an endpoint must call it off the event loop.
 */
@Component
public class EvaluationRunner {

    static final int K = 10;
    static final String SEARCH = "search";
    static final String SOURCES = "sources";
    static final String BM25 = "bm25-chunks";
    static final String EASY_RAG = "easy-rag";
    static final String EASY_RAG_SOURCES = "easy-rag-sources";
    static final String CHAT = "chat";
    private static final Map<String, String> NAMES = names();
    private static final int WARM_UP = 20;

    private final AnswerService answers;
    private final PassageIndex index;
    private final Study study;
    private final EvaluationProperties properties;
    private final ResourceLoader resources;
    private final String corpus;

    EvaluationRunner(AnswerService answers, PassageIndex index, Study study, EvaluationProperties properties,
                     CorpusProperties corpusProperties, ResourceLoader resources) {
        this.answers = answers;
        this.index = index;
        this.study = study;
        this.properties = properties;
        this.resources = resources;
        try {
            this.corpus = resources.getResource(corpusProperties.location()).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Brochure not readable at " + corpusProperties.location(), e);
        }
    }

    /** The whole gold set of {@code studienlotse.evaluation.questions}, the service alone. */
    public RunReport run() {
        return runWithAnswers().report();
    }

    /** The whole gold set, and what was answered: the evaluators' workbench shows both. */
    public AnsweredRun runWithAnswers() {
        GoldSet gold = goldSet();
        return runWithAnswers(gold.questions(), gold.name(), gold.sha256());
    }

    /** Any questions, the service alone; {@code file} and {@code sha256} only name them in the report. */
    public RunReport run(List<GoldQuestion> questions, String file, String sha256) {
        return runWithAnswers(questions, file, sha256).report();
    }

    /** Any questions, with the answers given; the report alone is {@link #run(List, String, String)}. */
    public AnsweredRun runWithAnswers(List<GoldQuestion> questions, String file, String sha256) {
        return runWithAnswers(questions, file, sha256, null, AnswerJudge.OFF);
    }

    /**
     * Any questions, scored beside the baselines (none when null) and judged by {@code judge}: what the evaluation
     * command runs.
     */
    public synchronized AnsweredRun runWithAnswers(List<GoldQuestion> questions, String file, String sha256,
                                                   Baselines base, AnswerJudge judge) {
        warmUp(questions, base);
        List<Trial> trials = questions.stream().map(q -> trial(q, base, judge)).toList();

        Map<String, Integer> byType = new LinkedHashMap<>();
        types(trials).forEach(t -> byType.put(t, (int) trials.stream().filter(x -> x.question().type().equals(t)).count()));
        Setup setup = new Setup(answers.backend(), file, sha256, questions.size(), byType,
                sha256(corpus.getBytes(StandardCharsets.UTF_8)), study.passages().size(),
                base == null ? 0 : base.bm25Chunks(), base == null ? 0 : base.easyRagSegments(), judge.state());

        List<RetrievalRow> retrieval = NAMES.keySet().stream().filter(trials.isEmpty() ? id -> true
                        : trials.getFirst().rankings()::containsKey)
                .map(id -> new RetrievalRow(id, NAMES.get(id),
                retrievalScores(id, trials), perType(trials, subset -> retrievalScores(id, subset)))).toList();
        List<AnswerRow> answerRows = new ArrayList<>();
        answerRows.add(new AnswerRow("studienlotse", "Studienlotse (" + answers.backend() + ")", answerScores(trials),
                perType(trials, EvaluationRunner::answerScores)));
        if (base != null) {
            answerRows.add(new AnswerRow(BM25, NAMES.get(BM25), neverAbstains(trials),
                    perType(trials, EvaluationRunner::neverAbstains)));
            answerRows.add(new AnswerRow(EASY_RAG, "Easy RAG defaults", neverAbstains(trials),
                    perType(trials, EvaluationRunner::neverAbstains)));
        }
        List<QuestionResult> results = trials.stream().map(EvaluationRunner::result).toList();
        RunReport report = new RunReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), setup, retrieval,
                List.copyOf(answerRows), results, latency(trials));
        return new AnsweredRun(report, trials.stream().map(t -> new AnsweredQuestion(t.question(), t.answer().text(),
                t.answer().citations(), t.answer().abstained(), t.answer().statements())).toList());
    }

    /**
     * The configured gold set: {@code classpath:} (the default, {@code evaluation/questions.jsonl} inside the jar, so
     * the Werkbank works from any working directory), {@code file:} or a plain file path. The report names it without
     * the prefix.
     */
    public GoldSet goldSet() {
        String location = properties.questions();
        boolean prefixed = location.startsWith("classpath:") || location.startsWith("file:");
        String name = prefixed ? location.substring(location.indexOf(':') + 1) : location;
        try (InputStream in = prefixed ? resources.getResource(location).getInputStream()
                : Files.newInputStream(Path.of(location))) {
            byte[] bytes = in.readAllBytes();
            return new GoldSet(name, GoldQuestion.read(new String(bytes, StandardCharsets.UTF_8)), sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gold set " + location, e);
        }
    }

    /** The brochure text the index was built from: the baselines read the same. */
    public String brochure() {
        return corpus;
    }

    /** A gold set as read: its name in reports, its questions and the SHA-256 of its bytes. */
    public record GoldSet(String name, List<GoldQuestion> questions, String sha256) {
    }

    /** A run's report and the answers behind it. */
    public record AnsweredRun(RunReport report, List<AnsweredQuestion> answers) {
    }

    /** What one gold question was answered: the text (Markdown with {@code [n]}) and the passages it cites. */
    public record AnsweredQuestion(GoldQuestion gold, String answer, List<Citation> citations, boolean abstained,
                                   List<Statement> statements) {
    }

    // ------------------------------------------------------------------ one question

    private Trial trial(GoldQuestion q, Baselines base, AnswerJudge judge) {
        Map<String, List<Hit>> rankings = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();

        long start = System.nanoTime();
        rankings.put(SEARCH, index.search(SearchRequest.of(q.question(), K)).stream().map(h -> Hit.of(h.passage())).toList());
        millis.put(SEARCH, since(start));

        start = System.nanoTime();
        List<AnswerEvent> events = answers.stream(new AnswerRequest(q.question(), q.turns(), null, null)).collectList().block();
        millis.put(CHAT, since(start));
        List<Citation> given = events.stream().filter(e -> e instanceof AnswerEvent.Sources)
                .map(e -> ((AnswerEvent.Sources) e).sources()).findFirst().orElse(List.of());
        Answer answer = events.stream().filter(e -> e instanceof AnswerEvent.Done).map(e -> ((AnswerEvent.Done) e).answer())
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no answer for " + q.id()));
        rankings.put(SOURCES, given.stream().map(c -> Hit.of(study.passage(c.passageId()).orElseThrow())).toList());

        if (base != null) {
            start = System.nanoTime();
            rankings.put(BM25, base.bm25(q.question(), K));
            millis.put(BM25, since(start));

            start = System.nanoTime();
            rankings.put(EASY_RAG, base.easyRag(q.question(), K));
            millis.put(EASY_RAG, since(start));
            rankings.put(EASY_RAG_SOURCES, base.easyRagSources(q.question()));
        }

        Verdict judgement = judge.active() && !answer.abstained() && !answer.citations().isEmpty()
                ? judge.judge(q.question(), answer.text(), answer.citations()) : null;
        return new Trial(q, rankings, given, answer, judgement, millis);
    }

    private void warmUp(List<GoldQuestion> questions, Baselines base) {
        // the first searches of a fresh JVM are slow; they would only blur the latency figures
        for (GoldQuestion q : questions.stream().limit(WARM_UP).toList()) {
            index.search(SearchRequest.of(q.question(), K));
            if (base != null) {
                base.bm25(q.question(), K);
                base.easyRag(q.question(), K);
            }
            answers.answer(AnswerRequest.of(q.question())).block();
        }
    }

    // ------------------------------------------------------------------ scores

    private static Scores retrievalScores(String system, List<Trial> trials) {
        List<Trial> withGold = trials.stream().filter(t -> t.question().answerable() && !t.question().relevant().isEmpty())
                .toList();
        RankScores cases = rankScores(withGold, t -> t.rankings().get(system).stream().map(h -> h.keys(t.question())).toList(),
                t -> t.question().relevant());
        boolean passages = system.equals(SEARCH) || system.equals(SOURCES);
        List<Trial> withPassage = trials.stream().filter(t -> !t.question().goldPassages().isEmpty()).toList();
        RankScores passageScores = !passages ? null : rankScores(withPassage,
                t -> t.rankings().get(system).stream().map(h -> Set.of(h.passageId())).toList(),
                t -> Set.copyOf(t.question().goldPassages()));
        return new Scores(cases, passageScores);
    }

    private static RankScores rankScores(List<Trial> trials, Function<Trial, List<Set<String>>> ranking,
                                         Function<Trial, Set<String>> relevant) {
        if (trials.isEmpty()) {
            return new RankScores(0, null, null, null, null, null);
        }
        return new RankScores(trials.size(),
                mean(trials, t -> Metrics.recallAt(ranking.apply(t), relevant.apply(t), 1)),
                mean(trials, t -> Metrics.recallAt(ranking.apply(t), relevant.apply(t), 5)),
                mean(trials, t -> Metrics.recallAt(ranking.apply(t), relevant.apply(t), 10)),
                mean(trials, t -> Metrics.reciprocalRank(ranking.apply(t), relevant.apply(t), K)),
                mean(trials, t -> Metrics.ndcgAt(ranking.apply(t), relevant.apply(t), K)));
    }

    private static AnswerScores answerScores(List<Trial> trials) {
        List<Trial> answerable = trials.stream().filter(t -> t.question().answerable()).toList();
        int citations = trials.stream().mapToInt(t -> t.answer().citations().size()).sum();
        int valid = trials.stream().mapToInt(t -> Metrics.validCitations(t.answer().citations(), t.given())).sum();
        Metrics.Abstention abstention = Metrics.abstention(trials.stream()
                .map(t -> new Metrics.Outcome(t.question().answerable(), t.answer().abstained())).toList());
        List<Trial> judged = trials.stream().filter(t -> t.judgement() != null && t.judgement().faithfulness() != null)
                .toList();
        List<Statement> statements = trials.stream().flatMap(t -> t.answer().statements().stream()).toList();
        return new AnswerScores(trials.size(),
                answerable.isEmpty() ? null : mean(answerable, t -> Metrics.citationPrecision(cited(t), t.question().relevant())),
                answerable.isEmpty() ? null : mean(answerable, t -> Metrics.citationRecall(cited(t), t.question().relevant())),
                citations, citations == 0 ? null : round((double) valid / citations),
                abstention.unanswerable(), round(abstention.refusedWhenShould()),
                abstention.answerable(), round(abstention.answeredWhenShould()),
                answerable.isEmpty() ? null : mean(answerable, t -> Metrics.mustMention(t.answer().text(), t.question().mustMention())),
                judged.size(), judged.isEmpty() ? null : mean(judged, t -> t.judgement().faithfulness()),
                statements.size(), share(statements, Statement.Support.SUPPORTED),
                share(statements, Statement.Support.UNSUPPORTED));
    }

    private static Double share(List<Statement> statements, Statement.Support support) {
        return statements.isEmpty() ? null
                : round(statements.stream().filter(s -> s.status() == support).count() / (double) statements.size());
    }

    /** A baseline retrieves and never declines: only the abstention figures apply, trivially. */
    private static AnswerScores neverAbstains(List<Trial> trials) {
        Metrics.Abstention abstention = Metrics.abstention(trials.stream()
                .map(t -> new Metrics.Outcome(t.question().answerable(), false)).toList());
        return new AnswerScores(trials.size(), null, null, 0, null, abstention.unanswerable(),
                round(abstention.refusedWhenShould()), abstention.answerable(), round(abstention.answeredWhenShould()),
                null, 0, null, 0, null, null);
    }

    /** The cited keys: cases, or for section-level questions sections; a study passage cited for a case question counts by its section. */
    private static Set<String> cited(Trial t) {
        Set<String> keys = new LinkedHashSet<>();
        for (Citation c : t.answer().citations()) {
            if (t.question().sectionLevel()) {
                keys.add(c.caseId() == null ? c.section() : c.caseId() + "." + c.section());
            } else {
                keys.add(c.caseId() == null ? c.section() : c.caseId());
            }
        }
        return keys;
    }

    private static QuestionResult result(Trial t) {
        GoldQuestion q = t.question();
        boolean gold = q.answerable() && !q.relevant().isEmpty();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        if (gold) {
            t.rankings().forEach((system, hits) -> {
                int rank = 0;
                for (int i = 0; i < hits.size() && rank == 0; i++) {
                    if (hits.get(i).keys(q).stream().anyMatch(q.relevant()::contains)) rank = i + 1;
                }
                ranks.put(system, rank);
            });
        }
        return new QuestionResult(q.id(), q.type(), q.answerable(), q.relevant().stream().sorted().toList(), ranks,
                t.given().stream().map(Citation::passageId).toList(), List.copyOf(cited(t)), t.answer().abstained(),
                gold ? round(Metrics.citationPrecision(cited(t), q.relevant())) : null,
                gold ? round(Metrics.citationRecall(cited(t), q.relevant())) : null,
                q.answerable() ? round(Metrics.mustMention(t.answer().text(), q.mustMention())) : null,
                t.judgement() == null ? null : round(t.judgement().faithfulness()),
                t.judgement() == null ? null : t.judgement().error());
    }

    private static Latency latency(List<Trial> trials) {
        Map<String, Map<String, Timing>> byType = new LinkedHashMap<>();
        types(trials).forEach(type -> byType.put(type, timings(trials.stream()
                .filter(t -> t.question().type().equals(type)).toList())));
        return new Latency("milliseconds per question on this machine, single-threaded, after a warm-up of "
                + WARM_UP + " questions; they vary from run to run", timings(trials), byType);
    }

    private static Map<String, Timing> timings(List<Trial> trials) {
        Map<String, Timing> timings = new LinkedHashMap<>();
        for (String what : List.of(SEARCH, CHAT, BM25, EASY_RAG)) {
            if (!trials.isEmpty() && !trials.getFirst().millis().containsKey(what)) {
                continue;
            }
            double[] values = trials.stream().mapToDouble(t -> t.millis().get(what)).toArray();
            timings.put(what, new Timing(values.length, roundMillis(Metrics.percentile(values, 50)),
                    roundMillis(Metrics.percentile(values, 95))));
        }
        return timings;
    }

    // ------------------------------------------------------------------ helpers

    private static <T> Map<String, T> perType(List<Trial> trials, Function<List<Trial>, T> score) {
        Map<String, T> byType = new LinkedHashMap<>();
        for (String type : types(trials)) {
            byType.put(type, score.apply(trials.stream().filter(t -> t.question().type().equals(type)).toList()));
        }
        return byType;
    }

    /** The types present, in the schema's order. */
    private static List<String> types(List<Trial> trials) {
        Predicate<String> present = type -> trials.stream().anyMatch(t -> t.question().type().equals(type));
        return GoldQuestion.TYPES.stream().filter(present).toList();
    }

    private static Double mean(List<Trial> trials, ToDoubleFunction<Trial> value) {
        return round(trials.stream().mapToDouble(value).average().orElseThrow());
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }

    private static Double roundMillis(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(SEARCH, "Studienlotse search (passage index, question alone, top 10)");
        names.put(SOURCES, "Studienlotse sources (what the answerer is given)");
        names.put(BM25, "Baseline a: BM25, StandardAnalyzer, 500-char chunks (top 10)");
        names.put(EASY_RAG, "Baseline b: Easy RAG, bge-small-en-v1.5-q, 300-token chunks (top 10)");
        names.put(EASY_RAG_SOURCES, "Baseline b as configured (top 3)");
        return Collections.unmodifiableMap(names);
    }

    private record Trial(GoldQuestion question, Map<String, List<Hit>> rankings, List<Citation> given, Answer answer,
                         Verdict judgement, Map<String, Double> millis) {
    }
}
