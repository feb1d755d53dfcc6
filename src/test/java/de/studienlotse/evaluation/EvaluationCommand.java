package de.studienlotse.evaluation;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.GermanMorphology;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchProperties;
import de.studienlotse.search.StudyAnalyzer;
import de.studienlotse.search.StudyConcepts;
import de.studienlotse.search.Thesaurus;
import de.studienlotse.search.StudyAnalyzer.Stemming;
import de.studienlotse.search.VocabularyBridges;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import de.studienlotse.StudienlotseApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figures for the README: {@code ./mvnw -q test-compile exec:exec@evaluate [-Devaluate.args="..."]}. It lives in
 * the test sources with the baselines and the judge, so none of them (nor the embedding model) is in the serving jar.
 *
 * <ul>
 *   <li>{@code all} (the default), {@code report} or {@code answers}: the whole gold set through the real pipeline and
 *       both baselines ({@link EvaluationRunner}); writes {@code evaluation/reports/<name>.json} and {@code .md},
 *       {@code reference} for the offline backend. Further {@code --key=value} arguments are Spring properties, e.g.
 *       {@code --studienlotse.llm.provider=ollama --studienlotse.evaluation.judge=true}; {@code --report-name=x}
 *       names the files;</li>
 *   <li>{@code retrieval}: Recall@5 and MRR@10 of Lucene's StandardAnalyzer, GermanAnalyzer and our StudyAnalyzer
 *       (with and without the query-time bridges), all over the same passages and fields;</li>
 *   <li>{@code tuning}: the StudyAnalyzer settings side by side (stemmer, part length, weights, boosts).</li>
 * </ul>
 * Options of {@code retrieval} and {@code tuning}: {@code --questions=evaluation/questions.jsonl},
 * {@code --corpus=corpus/...txt}, {@code --only=r} (ids starting with r: the former retrieval set).
 */
public final class EvaluationCommand {

    static final String QUESTIONS = "evaluation/questions.jsonl";
    static final String CORPUS = "corpus/studie-02-best-practices-ki-kmu.txt";

    private EvaluationCommand() {
    }

    public static void main(String[] given) {
        // exec:exec passes -Devaluate.args="answers --x=y" as one argument
        String joined = String.join(" ", given).strip();
        List<String> args = joined.isEmpty() ? List.of() : List.of(joined.split("\\s+"));
        String command = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("all");
        List<String> options = args.stream().filter(a -> a.startsWith("--")).toList();
        switch (command) {
            case "all", "report", "answers" -> report(options);
            case "retrieval", "tuning" -> {
                Path questions = Path.of(option(options, "--questions=", QUESTIONS));
                Path corpus = Path.of(option(options, "--corpus=", CORPUS));
                String only = option(options, "--only=", "");
                List<GoldQuestion> gold = GoldQuestion.read(questions).stream()
                        .filter(q -> q.id().startsWith(only)).toList();
                if (command.equals("retrieval")) {
                    retrieval(study(corpus), gold);
                } else {
                    tuning(study(corpus), gold);
                }
            }
            default -> {
                System.err.println("usage: EvaluationCommand [all|report|answers|retrieval|tuning] [--key=value ...]");
                System.exit(2);
            }
        }
    }

    /** Boots the service without a web server, runs the evaluation, writes the reports and prints the summary. */
    static void report(List<String> options) {
        long start = System.nanoTime();
        String name = option(options, "--report-name=", null);
        String[] springArgs = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--logging.level.root=WARN", "--logging.level.ai.djl=ERROR",
                        "--spring.main.banner-mode=off"),
                options.stream().filter(o -> !o.startsWith("--report-name="))).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudienlotseApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs)) {
            EvaluationRunner runner = context.getBean(EvaluationRunner.class);
            EvaluationProperties properties = context.getBean(EvaluationProperties.class);
            EvaluationRunner.GoldSet gold = runner.goldSet();
            Baselines baselines = properties.baselines()
                    ? ReportBaselines.of(runner.brochure(), context.getBean(Study.class)) : null;
            // created here, not a bean: the serving jar has no judge
            AnswerJudge judge = context.getAutowireCapableBeanFactory().createBean(FaithfulnessJudge.class);
            RunReport report = runner.runWithAnswers(gold.questions(), gold.name(), gold.sha256(), baselines, judge)
                    .report();
            Path directory = Path.of(properties.reports());
            List<Path> files = ReportFiles.write(report, directory, name == null ? ReportFiles.name(report) : name);
            String markdown = MarkdownReport.render(report);
            // the headline tables: everything up to the per-type sections
            System.out.print(markdown.substring(0, Math.max(0, markdown.indexOf("## By question type"))));
            System.out.printf(Locale.ROOT, "Wrote %s (%.0f s)%n", files, (System.nanoTime() - start) / 1e9);
        }
    }

    private static String option(List<String> options, String prefix, String fallback) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length()))
                .reduce((a, b) -> b).orElse(fallback);
    }

    static void retrieval(Study study, List<GoldQuestion> questions) {
        SearchProperties plain = SearchProperties.defaults().withBridges(false);
        GermanMorphology morphology = GermanMorphology.load();
        Map<String, Setup> setups = new LinkedHashMap<>();
        setups.put("Lucene StandardAnalyzer", new Setup(new StandardAnalyzer(), false));
        setups.put("Lucene GermanAnalyzer", new Setup(new GermanAnalyzer(), false));
        setups.put("StudyAnalyzer, light stemmer only", new Setup(
                new StudyAnalyzer(GermanMorphology.none(), Stemming.LIGHT), false));
        setups.put("StudyAnalyzer, lemmas + compounds, minimal", new Setup(
                new StudyAnalyzer(morphology, Stemming.MINIMAL), false));
        setups.put("StudyAnalyzer, lemmas + compounds, light", new Setup(
                new StudyAnalyzer(morphology, Stemming.LIGHT), false));
        StudyAnalyzer serviceAnalyzer = new StudyAnalyzer(morphology, Stemming.LIGHT);
        setups.put("StudyAnalyzer + bridges", new Setup(serviceAnalyzer, true));
        setups.put("StudyAnalyzer + bridges + thesaurus", new Setup(serviceAnalyzer, true, true, false));
        setups.put("StudyAnalyzer + thesaurus + concepts, no bridges", new Setup(serviceAnalyzer, false, true, true));
        setups.put("StudyAnalyzer + bridges + thesaurus + concepts (service)", new Setup(serviceAnalyzer, true, true,
                true));

        long answerable = questions.stream().filter(GoldQuestion::answerable).count();
        System.out.printf(Locale.ROOT, "Retrieval over %d passages, %d answerable of %d questions "
                        + "(case-level; study-level questions by section). Recall@%d, MRR@%d, median µs per search.%n%n",
                study.passages().size(), answerable, questions.size(), RetrievalEvaluation.RECALL_AT,
                RetrievalEvaluation.MRR_AT);
        System.out.printf(Locale.ROOT, "%-58s %9s %7s %9s%n", "set-up", "Recall@5", "MRR", "median µs");
        PassageIndex service = null;
        for (Map.Entry<String, Setup> setup : setups.entrySet()) {
            PassageIndex index = setup.getValue().index(study, plain);
            warmUp(index, questions);
            RetrievalEvaluation.Scores scores = RetrievalEvaluation.evaluate(index, questions);
            System.out.printf(Locale.ROOT, "%-58s %9.3f %7.3f %9.0f%n", setup.getKey(), scores.recall(),
                    scores.mrr(), scores.medianMicros());
            service = index;
        }
        System.out.printf(Locale.ROOT, "%nService set-up by question type:%n");
        breakdown(service, questions);
    }

    static void tuning(Study study, List<GoldQuestion> questions) {
        GermanMorphology morphology = GermanMorphology.load();
        SearchProperties base = SearchProperties.defaults();
        List<Row> rows = new ArrayList<>();
        for (Stemming stemming : Stemming.values()) {
            StudyAnalyzer analyzer = new StudyAnalyzer(morphology, stemming);
            rows.add(new Row(stemming.toString(), new PassageIndex(study, base, analyzer,
                    VocabularyBridges.load(analyzer))));
        }
        StudyAnalyzer analyzer = new StudyAnalyzer(morphology, Stemming.LIGHT);
        VocabularyBridges bridges = VocabularyBridges.load(analyzer);
        for (float part : new float[]{0.3f, 0.5f, 0.7f, 1.0f}) {
            for (float bridge : new float[]{0.3f, 0.5f, 0.7f, 1.0f}) {
                rows.add(new Row("LIGHT, part weight %.1f, bridge weight %.1f".formatted(part, bridge),
                        new PassageIndex(study, base.withWeights(part, bridge), analyzer, bridges)));
            }
        }
        Map<String, SearchProperties.Boosts> boosts = new LinkedHashMap<>();
        boosts.put("all fields 1.0", new SearchProperties.Boosts(1, 1, 1, 1, 1, 1));
        boosts.put("label 2, title 1.5, Branche 1.5", new SearchProperties.Boosts(1, 2, 1.5f, 1.5f, 1, 1));
        boosts.put("case fields 0.5", new SearchProperties.Boosts(1, 2, 0.5f, 0.5f, 0.5f, 1));
        boosts.put("case fields 3", new SearchProperties.Boosts(1, 2, 3, 3, 1, 1));
        boosts.put("label 1, section 0.5", new SearchProperties.Boosts(1, 1, 1.5f, 1.5f, 1, 0.5f));
        boosts.put("label 3, section 2", new SearchProperties.Boosts(1, 3, 1.5f, 1.5f, 1, 2));
        boosts.put("all 1, label 1.5", new SearchProperties.Boosts(1, 1.5f, 1, 1, 1, 1));
        boosts.put("all 1, section 0.5", new SearchProperties.Boosts(1, 1, 1, 1, 1, 0.5f));
        boosts.put("all 1, case fields 0.7", new SearchProperties.Boosts(1, 1, 0.7f, 0.7f, 0.7f, 1));
        boosts.put("all 1, case fields 1.5", new SearchProperties.Boosts(1, 1, 1.5f, 1.5f, 1.5f, 1));
        boosts.put("all 1, text 1.5", new SearchProperties.Boosts(1.5f, 1, 1, 1, 1, 1));
        boosts.forEach((name, value) -> rows.add(new Row("LIGHT, boosts " + name,
                new PassageIndex(study, base.withBoosts(value), analyzer, bridges))));
        Thesaurus thesaurus = Thesaurus.load(analyzer);
        StudyConcepts concepts = StudyConcepts.load(study, analyzer);
        for (float share : new float[]{0f, 0.3f, 0.5f, 0.7f}) {
            rows.add(new Row("LIGHT, relevant-case share %.1f".formatted(share), new PassageIndex(study,
                    base.withRelevantCaseShare(share), analyzer, bridges, thesaurus, concepts)));
        }
        for (float weight : new float[]{0.5f, 1f, 2f, 3f}) {
            rows.add(new Row("LIGHT, concept weight %.1f".formatted(weight), new PassageIndex(study,
                    base.withConceptWeight(weight), analyzer, bridges, thesaurus, concepts)));
        }
        for (float weight : new float[]{0.1f, 0.2f, 0.3f, 0.5f}) {
            rows.add(new Row("LIGHT, thesaurus weight %.1f".formatted(weight), new PassageIndex(study,
                    base.withThesaurusWeight(weight), analyzer, bridges, thesaurus, concepts)));
        }
        System.out.printf(Locale.ROOT, "%-52s %9s %7s%n", "StudyAnalyzer + bridges", "Recall@5", "MRR");
        for (Row row : rows) {
            RetrievalEvaluation.Scores scores = RetrievalEvaluation.evaluate(row.index(), questions);
            System.out.printf(Locale.ROOT, "%-52s %9.3f %7.3f%n", row.name(), scores.recall(), scores.mrr());
        }
    }

    private static void breakdown(PassageIndex index, List<GoldQuestion> questions) {
        List<String> types = questions.stream().filter(GoldQuestion::answerable).map(GoldQuestion::type)
                .distinct().toList();
        for (String type : types) {
            report("  type " + type, index, questions, q -> q.type().equals(type));
        }
        report("  lang de", index, questions, q -> "de".equals(q.lang()));
        report("  lang en", index, questions, q -> "en".equals(q.lang()));
    }

    private static void report(String name, PassageIndex index, List<GoldQuestion> questions,
                               Predicate<GoldQuestion> which) {
        RetrievalEvaluation.Scores scores = RetrievalEvaluation.evaluate(index, questions, which);
        System.out.printf(Locale.ROOT, "%-28s n=%-3d %9.3f %7.3f%n", name, scores.questions(), scores.recall(),
                scores.mrr());
    }

    private static void warmUp(PassageIndex index, List<GoldQuestion> questions) {
        for (int round = 0; round < 20; round++) {
            RetrievalEvaluation.evaluate(index, questions);
        }
    }

    private static Study study(Path corpus) {
        try {
            return BrochureParser.parse(Files.readString(corpus));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + corpus, e);
        }
    }

    private record Setup(Analyzer analyzer, boolean bridges, boolean thesaurus, boolean concepts) {
        Setup(Analyzer analyzer, boolean bridges) {
            this(analyzer, bridges, false, false);
        }

        PassageIndex index(Study study, SearchProperties properties) {
            return new PassageIndex(study, properties.withBridges(bridges), analyzer,
                    bridges ? VocabularyBridges.load(analyzer) : VocabularyBridges.none(),
                    thesaurus ? Thesaurus.load(analyzer) : Thesaurus.none(),
                    concepts ? StudyConcepts.load(study, analyzer) : StudyConcepts.none());
        }
    }

    private record Row(String name, PassageIndex index) {
    }
}
