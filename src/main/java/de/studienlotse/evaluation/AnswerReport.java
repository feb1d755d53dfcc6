package de.studienlotse.evaluation;

import de.studienlotse.StudienlotseApplication;
import de.studienlotse.answer.AnswerService;
import de.studienlotse.corpus.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the chat gold set through the real pipeline (the configured backend) and prints the answer figures. */
final class AnswerReport {

    static final String QUESTIONS = "evaluation/chat-questions.jsonl";

    private AnswerReport() {
    }

    static AnswerEvaluation.Scores run(String[] springArgs, Path details) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--logging.level.root=WARN",
                "--spring.main.banner-mode=off"), java.util.Arrays.stream(springArgs)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudienlotseApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(args)) {
            AnswerService service = context.getBean(AnswerService.class);
            Study study = context.getBean(Study.class);
            List<ChatQuestion> questions = ChatQuestion.read(Path.of(QUESTIONS));
            AnswerEvaluation.Scores scores = AnswerEvaluation.evaluate(service, study, questions);
            System.out.printf(Locale.ROOT, "Answers (%s), %d questions from %s%n", service.backend(), scores.questions(), QUESTIONS);
            System.out.printf(Locale.ROOT, "  citation precision (cases)  %.3f%n", scores.citationPrecision());
            System.out.printf(Locale.ROOT, "  citation recall (cases)     %.3f%n", scores.citationRecall());
            System.out.printf(Locale.ROOT, "  citation validity           %.3f%n", scores.citationValidity());
            System.out.printf(Locale.ROOT, "  refused when it should      %.3f%n", scores.refusedWhenShould());
            System.out.printf(Locale.ROOT, "  answered when it should     %.3f%n", scores.answeredWhenShould());
            System.out.printf(Locale.ROOT, "  must-mention coverage       %.3f%n", scores.mustMention());
            if (details != null) {
                write(details, scores);
            }
            return scores;
        }
    }

    private static void write(Path file, AnswerEvaluation.Scores scores) {
        StringBuilder out = new StringBuilder();
        for (AnswerEvaluation.Verdict v : scores.verdicts()) {
            out.append("### ").append(v.question().id()).append(" [").append(v.question().type()).append("] ")
                    .append(v.question().question()).append('\n')
                    .append(String.format(Locale.ROOT, "gold=%s must=%s | P=%.2f R=%.2f abst=%s(%s) mention=%.2f%n",
                            v.question().relevant(), v.question().mustMention(), v.precision(), v.recall(),
                            v.answer().abstained(), v.abstentionRight() ? "ok" : "WRONG", v.mentioned()))
                    .append(v.answer().text()).append("\n\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
