package de.studienlotse.evaluation;

import de.studienlotse.evaluation.RunReport.AnswerRow;
import de.studienlotse.evaluation.RunReport.AnswerScores;
import de.studienlotse.evaluation.RunReport.QuestionResult;
import de.studienlotse.evaluation.RunReport.RankScores;
import de.studienlotse.evaluation.RunReport.RetrievalRow;
import de.studienlotse.evaluation.RunReport.Scores;
import de.studienlotse.evaluation.RunReport.Timing;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Markdown form of a {@link RunReport}: the three set-ups side by side, overall and per question type. Only the
 * "Generated" line and the latency section at the end change between runs of the same set-up.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(RunReport report) {
        StringBuilder md = new StringBuilder();
        RunReport.Setup setup = report.setup();
        md.append("# Studienlotse evaluation report\n\n");
        md.append("Generated ").append(report.generatedAt() == null ? "-" : report.generatedAt()).append('\n');
        md.append("\n");
        md.append("Answers by `").append(setup.backend()).append("` · ").append(setup.questions())
                .append(" questions from `").append(setup.questionsFile()).append("` (sha256 `")
                .append(shortHash(setup.questionsSha256())).append("`) · brochure sha256 `")
                .append(shortHash(setup.corpusSha256())).append("` · ").append(setup.passages())
                .append(" passages, baseline a ").append(setup.bm25Chunks()).append(" chunks, baseline b ")
                .append(setup.easyRagSegments()).append(" segments · LLM judge: ").append(setup.judge()).append(".\n\n");
        md.append("Questions by type: ");
        md.append(String.join(", ", setup.questionsByType().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList())).append(".\n\n");
        md.append("Definitions of every figure: `evaluation/README.md`. R@k = Recall@k, MRR and nDCG over the top 10. ")
                .append("n/a = the figure does not apply to the set-up.\n\n");

        md.append("## Set-ups\n\n| id | set-up |\n|---|---|\n");
        report.retrieval().forEach(r -> md.append("| `").append(r.id()).append("` | ").append(r.name()).append(" |\n"));
        md.append('\n');

        md.append("## Retrieval, case level\n\n");
        md.append("Answerable questions with gold cases are scored on cases; those without (study-level, Tabelle, "
                + "Methodik) on their gold sections.\n\n");
        rankTable(md, report.retrieval(), RetrievalRow::overall, Scores::cases);
        md.append("## Retrieval, passage level\n\n");
        md.append("Questions with a gold passage (the one passage that is the answer). Chunks are not passages: n/a "
                + "for the baselines.\n\n");
        rankTable(md, report.retrieval(), RetrievalRow::overall, Scores::passages);

        md.append("## Answers\n\n");
        answerTable(md, report.answers(), AnswerRow::overall);

        md.append("## By question type\n\n");
        md.append("Case level Recall@5 / MRR of each set-up, and the answer figures of Studienlotse.\n\n");
        overviewByType(md, report);
        for (String type : setup.questionsByType().keySet()) {
            md.append("### ").append(type).append(" (").append(setup.questionsByType().get(type))
                    .append(" questions)\n\n");
            md.append("Retrieval, case level:\n\n");
            rankTable(md, report.retrieval(), r -> r.byType().get(type), Scores::cases);
            if (report.retrieval().getFirst().byType().get(type).passages().questions() > 0) {
                md.append("Retrieval, passage level:\n\n");
                rankTable(md, report.retrieval(), r -> r.byType().get(type), Scores::passages);
            }
            md.append("Answers:\n\n");
            answerTable(md, report.answers(), r -> r.byType().get(type));
        }

        md.append("## Questions whose gold the answerer was not given\n\n");
        md.append("Answerable questions where no source handed to the answerer belongs to a gold case (or section).\n\n");
        List<QuestionResult> missed = report.questions().stream()
                .filter(q -> Integer.valueOf(0).equals(q.firstRelevantRank().get(EvaluationRunner.SOURCES))).toList();
        md.append(missed.isEmpty() ? "None." : String.join(", ", missed.stream()
                .map(q -> q.id() + " (" + q.type() + ")").toList())).append("\n\n");
        md.append("Wrong abstentions: ");
        List<QuestionResult> wrong = report.questions().stream().filter(q -> q.answerable() == q.abstained()).toList();
        md.append(wrong.isEmpty() ? "none" : String.join(", ", wrong.stream()
                .map(q -> q.id() + (q.answerable() ? " (declined)" : " (answered)")).toList())).append(".\n\n");

        if (report.latency() != null) {
            md.append("## Latency (varies from run to run; not part of the comparison)\n\n");
            md.append(report.latency().note()).append(". `search`: one passage search; `chat`: the whole answer ")
                    .append("pipeline; the baselines: one search (for b including the query's embedding).\n\n");
            md.append("| | n | p50 ms | p95 ms |\n|---|---:|---:|---:|\n");
            report.latency().overall().forEach((what, t) -> md.append("| `").append(what).append("` | ")
                    .append(t.questions()).append(" | ").append(ms(t.p50())).append(" | ").append(ms(t.p95())).append(" |\n"));
            md.append("\nBy question type, p50 / p95 ms:\n\n| type |");
            report.latency().overall().keySet().forEach(w -> md.append(" `").append(w).append("` |"));
            md.append("\n|---|").append("---:|".repeat(report.latency().overall().size())).append('\n');
            report.latency().byType().forEach((type, timings) -> {
                md.append("| ").append(type).append(" |");
                timings.values().forEach(t -> md.append(' ').append(ms(t.p50())).append(" / ").append(ms(t.p95())).append(" |"));
                md.append('\n');
            });
            md.append('\n');
        }
        return md.toString();
    }

    private static void rankTable(StringBuilder md, List<RetrievalRow> rows, Function<RetrievalRow, Scores> scores,
                                  Function<Scores, RankScores> level) {
        md.append("| set-up | n | R@1 | R@5 | R@10 | MRR | nDCG@10 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (RetrievalRow row : rows) {
            RankScores s = level.apply(scores.apply(row));
            md.append("| `").append(row.id()).append("` | ");
            if (s == null) {
                md.append("– | n/a | n/a | n/a | n/a | n/a |\n");
                continue;
            }
            md.append(s.questions()).append(" | ").append(f(s.recallAt1())).append(" | ").append(f(s.recallAt5()))
                    .append(" | ").append(f(s.recallAt10())).append(" | ").append(f(s.mrr())).append(" | ")
                    .append(f(s.ndcgAt10())).append(" |\n");
        }
        md.append('\n');
    }

    private static void answerTable(StringBuilder md, List<AnswerRow> rows, Function<AnswerRow, AnswerScores> scores) {
        md.append("| metric |");
        rows.forEach(r -> md.append(' ').append(r.id().equals("studienlotse") ? r.name() : "`" + r.id() + "`").append(" |"));
        md.append("\n|---|").append("---:|".repeat(rows.size())).append('\n');
        List<AnswerScores> s = rows.stream().map(scores).toList();
        AnswerScores first = s.getFirst();
        line(md, "citation precision (cited vs gold cases)", s, AnswerScores::citationPrecision);
        line(md, "citation recall", s, AnswerScores::citationRecall);
        line(md, "citation validity (" + first.citations() + " citations)", s, AnswerScores::citationValidity);
        line(md, "refused when it should (n=" + first.unanswerable() + ")", s, AnswerScores::refusedWhenShould);
        line(md, "answered when it should (n=" + first.answerable() + ")", s, AnswerScores::answeredWhenShould);
        line(md, "must-mention coverage", s, AnswerScores::mustMention);
        line(md, "faithfulness, LLM judge (" + first.judged() + " judged)", s, AnswerScores::faithfulness);
        line(md, "statements supported by their citations (" + first.statements() + " sentences)", s, AnswerScores::supported);
        line(md, "statements unsupported", s, AnswerScores::unsupported);
        md.append('\n');
    }

    private static void line(StringBuilder md, String name, List<AnswerScores> scores,
                             Function<AnswerScores, Double> value) {
        md.append("| ").append(name).append(" |");
        scores.forEach(s -> md.append(' ').append(f(value.apply(s))).append(" |"));
        md.append('\n');
    }

    private static void overviewByType(StringBuilder md, RunReport report) {
        md.append("| type | n |");
        report.retrieval().forEach(r -> md.append(" `").append(r.id()).append("` R@5 / MRR |"));
        md.append(" cit. P / R | refused / answered | must-mention |\n|---|---:|");
        md.append("---:|".repeat(report.retrieval().size() + 3)).append('\n');
        AnswerRow ours = report.answers().getFirst();
        for (Map.Entry<String, Integer> type : report.setup().questionsByType().entrySet()) {
            md.append("| ").append(type.getKey()).append(" | ").append(type.getValue()).append(" |");
            for (RetrievalRow row : report.retrieval()) {
                RankScores s = row.byType().get(type.getKey()).cases();
                md.append(' ').append(f(s.recallAt5())).append(" / ").append(f(s.mrr())).append(" |");
            }
            AnswerScores a = ours.byType().get(type.getKey());
            md.append(' ').append(f(a.citationPrecision())).append(" / ").append(f(a.citationRecall())).append(" | ")
                    .append(f(a.refusedWhenShould())).append(" / ").append(f(a.answeredWhenShould())).append(" | ")
                    .append(f(a.mustMention())).append(" |\n");
        }
        md.append('\n');
    }

    static String f(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String shortHash(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
