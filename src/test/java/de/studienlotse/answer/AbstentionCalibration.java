package de.studienlotse.answer;

import de.studienlotse.StudienlotseApplication;
import de.studienlotse.evaluation.GoldQuestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Calibrates the abstention weights ({@link AnswerProperties.AbstentionProperties}) on the development set and reports
 * them on the held-out gold, blind and fresh sets: {@code ./mvnw -q test-compile exec:exec@calibrate}
 * ({@code -Dcalibrate.args="training.jsonl[,more.jsonl] heldout.jsonl ..."} for other sets).
 * <p>
 * For every weight pair of the grid it finds the thresholds of best accuracy (share of right decisions, to refuse
 * or to answer) on the gold questions among those that refuse at least {@value #MIN_REFUSED} of the questions the
 * study does not cover, and keeps the pair whose best thresholds span the
 * widest interval; the threshold is that interval's middle, the choice least sensitive to a single question. Questions
 * decided by a kind of answer the study never gives (amounts, names) are decided the same for every setting.
 */
public final class AbstentionCalibration {

    private static final double[] CONCEPT_WEIGHTS = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};
    private static final double[] PENALTIES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0};
    /** Common German nouns the study lacks weigh at most what names and foreign terms weigh. */
    private static final double[] COMMON_PENALTIES = {0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0};
    private static final double STEP = 0.01;
    /** At least this share of the questions the study does not cover must be refused. */
    static final double MIN_REFUSED = 0.75;

    private AbstentionCalibration() {
    }

    /** One question as the abstention sees it: fixed when a reason other than weak evidence decides it. */
    record Case(String id, boolean answerable, Boolean fixedRefusal, Abstention.Evidence evidence) {

        boolean refused(AnswerProperties.AbstentionProperties weights) {
            return fixedRefusal != null ? fixedRefusal : evidence.score(weights) < weights.minEvidence();
        }
    }

    record Setting(AnswerProperties.AbstentionProperties weights, double accuracy, double width) {
    }

    public static void main(String[] args) {
        // the training sets, comma-separated: the development set by default. The gold set is held out: the word lists
        // (generic nouns, concept phrasings) were written while reading its questions, so its refusals flatter them
        List<Path> training = java.util.Arrays.stream((args.length > 0 ? args[0]
                : "evaluation/dev-questions.jsonl").split(",")).map(Path::of).toList();
        String gold = training.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" + "));
        List<Path> heldOutSets = args.length > 1 ? java.util.Arrays.stream(args).skip(1).map(Path::of).toList()
                : List.of(Path.of("evaluation/questions.jsonl"), Path.of("evaluation/blind-questions.jsonl"),
                        Path.of("evaluation/fresh-questions.jsonl"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudienlotseApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            List<Case> train = new ArrayList<>();
            training.forEach(set -> train.addAll(cases(context, set)));
            Setting best = calibrate(train);
            AnswerProperties.AbstentionProperties w = best.weights();
            System.out.printf(Locale.ROOT, "calibrated on %s: min-evidence %.2f, concept-weight %.2f, "
                            + "unknown-noun-penalty %.2f, common-noun-penalty %.2f (best thresholds span %.2f)%n",
                    gold, w.minEvidence(), w.conceptWeight(), w.unknownNounPenalty(), w.commonNounPenalty(), best.width());
            AnswerProperties.AbstentionProperties configured = context.getBean(AnswerProperties.class).abstention();
            System.out.printf(Locale.ROOT, "%-38s calibrated: %s   configured: %s%n", gold, figures(train, w), figures(train, configured));
            for (Path set : heldOutSets) {
                List<Case> cases = cases(context, set);
                System.out.printf(Locale.ROOT, "%-38s calibrated: %s   configured: %s%n", set,
                        figures(cases, w), figures(cases, configured));
            }
        }
    }

    static List<Case> cases(ConfigurableApplicationContext context, Path questions) {
        QuestionAnalyzer analyzer = context.getBean(QuestionAnalyzer.class);
        SourceSelector selector = context.getBean(SourceSelector.class);
        Abstention abstention = context.getBean(Abstention.class);
        List<Case> cases = new ArrayList<>();
        for (GoldQuestion q : GoldQuestion.read(questions)) {
            AnalyzedQuestion question = analyzer.analyze(new AnswerRequest(q.question(), q.turns(), null, null));
            SourceSelector.Selection selection = selector.select(question);
            Abstention.Evidence evidence = abstention.evidence(question, selection);
            boolean weightFree = abstention.fixedReason(question, selection).isPresent();
            cases.add(new Case(q.id(), q.answerable(), weightFree ? Boolean.TRUE : null, evidence));
        }
        return cases;
    }

    static Setting calibrate(List<Case> cases) {
        Setting best = null;
        for (double conceptWeight : CONCEPT_WEIGHTS) {
            for (double penalty : PENALTIES) {
              for (double common : COMMON_PENALTIES) {
                if (common > penalty) {
                    continue;
                }
                double top = -1;
                double runStart = 0;
                double bestStart = 0;
                double bestEnd = 0;
                boolean inRun = false;
                for (int i = 0; i <= 150; i++) {
                    double threshold = i * STEP;
                    AnswerProperties.AbstentionProperties weights = new AnswerProperties.AbstentionProperties(threshold, conceptWeight, penalty, common);
                    // an answer to a question the study does not cover misleads; a refusal only disappoints
                    double accuracy = rates(cases, weights)[0] < MIN_REFUSED ? 0 : accuracy(cases, weights);
                    if (accuracy > top + 1e-9) {
                        top = accuracy;
                        runStart = bestStart = bestEnd = threshold;
                        inRun = true;
                    } else if (Math.abs(accuracy - top) < 1e-9) {
                        if (!inRun) {
                            runStart = threshold;
                            inRun = true;
                        }
                        if (threshold - runStart > bestEnd - bestStart) {
                            bestStart = runStart;
                            bestEnd = threshold;
                        }
                    } else {
                        inRun = false;
                    }
                }
                Setting setting = new Setting(new AnswerProperties.AbstentionProperties(
                        Math.round((bestStart + bestEnd) / 2 / STEP) * STEP, conceptWeight, penalty, common), top, bestEnd - bestStart);
                if (best == null || setting.accuracy() > best.accuracy() + 1e-9
                        || Math.abs(setting.accuracy() - best.accuracy()) < 1e-9 && setting.width() > best.width() + 1e-9) {
                    best = setting;
                }
              }
            }
        }
        return best;
    }

    /** Share of right decisions, refusing or answering: the abstention accuracy the reports give. */
    static double accuracy(List<Case> cases, AnswerProperties.AbstentionProperties weights) {
        return cases.stream().filter(c -> c.refused(weights) != c.answerable()).count() / (double) cases.size();
    }

    /** Refused when it should, answered when it should. */
    static double[] rates(List<Case> cases, AnswerProperties.AbstentionProperties weights) {
        long unanswerable = cases.stream().filter(c -> !c.answerable()).count();
        long refused = cases.stream().filter(c -> !c.answerable() && c.refused(weights)).count();
        long answerable = cases.size() - unanswerable;
        long answered = cases.stream().filter(c -> c.answerable() && !c.refused(weights)).count();
        return new double[] {unanswerable == 0 ? 1 : (double) refused / unanswerable, answerable == 0 ? 1 : (double) answered / answerable};
    }

    private static String figures(List<Case> cases, AnswerProperties.AbstentionProperties weights) {
        double[] f = rates(cases, weights);
        return String.format(Locale.ROOT, "accuracy %.3f (refused when it should %.3f, answered when it should %.3f)",
                accuracy(cases, weights), f[0], f[1]);
    }
}
