package de.studienlotse.answer;

import de.studienlotse.StudienlotseApplication;
import de.studienlotse.evaluation.GoldQuestion;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** How the pipeline sees questions of a set: {@code Diagnose <questions.jsonl> [ids...]}; for looking at failures. */
final class Diagnose {

    public static void main(String[] args) {
        Set<String> ids = Set.of(args).stream().skip(1).collect(java.util.stream.Collectors.toSet());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudienlotseApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            QuestionAnalyzer analyzer = context.getBean(QuestionAnalyzer.class);
            SourceSelector selector = context.getBean(SourceSelector.class);
            Abstention abstention = context.getBean(Abstention.class);
            for (GoldQuestion q : GoldQuestion.read(Path.of(args[0]))) {
                if (!ids.isEmpty() && !ids.contains(q.id())) continue;
                AnalyzedQuestion question = analyzer.analyze(new AnswerRequest(q.question(), q.turns(), null, null));
                SourceSelector.Selection selection = selector.select(question);
                System.out.println(q.id() + " " + q.question());
                System.out.println("  cases " + question.caseIds() + " topics " + question.topics() + " activity "
                        + question.activity() + " which " + question.whichCases() + " search: " + question.searchText());
                System.out.println("  concepts " + selection.terms().concepts() + " evidence " + abstention.evidence(question, selection)
                        + " unknown " + abstention.unknownFocusWords(question.text(), selection.terms())
                        + " fixed " + abstention.fixedReason(question, selection));
                selection.sources().stream().limit(6).forEach(s -> System.out.printf("    %.2f %s %s%n", s.coverage(),
                        s.passage().id(), s.passage().labelled().substring(0, Math.min(80, s.passage().labelled().length()))));
            }
        }
    }
}
