package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.Study;
import de.studienlotse.evaluation.RunReport.AnswerRow;
import de.studienlotse.evaluation.RunReport.RetrievalRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** The runner on a sample of the gold set (one question of each type, and some with a gold passage), beside both baselines as the evaluation command runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EvaluationRunnerTests {

    private static RunReport report;

    private static Baselines baselines;

    @Autowired
    EvaluationRunner runner;

    @Autowired
    Study study;

    static List<GoldQuestion> sample() {
        List<GoldQuestion> all = GoldQuestion.read(Path.of(EvaluationCommand.QUESTIONS));
        List<GoldQuestion> sample = new ArrayList<>();
        GoldQuestion.TYPES.forEach(type -> all.stream().filter(q -> q.type().equals(type)).findFirst().ifPresent(sample::add));
        all.stream().filter(q -> !q.goldPassages().isEmpty() && !sample.contains(q)).limit(2).forEach(sample::add);
        return sample;
    }

    RunReport report() {
        if (report == null) {
            report = withBaselines();
        }
        return report;
    }

    RunReport withBaselines() {
        if (baselines == null) {
            baselines = ReportBaselines.of(runner.brochure(), study);
        }
        return runner.runWithAnswers(sample(), "sample", "-", baselines, AnswerJudge.OFF).report();
    }

    @Test
    void should_give_the_same_numbers_for_the_same_questions() {
        // when the same questions run again
        RunReport again = withBaselines();
        // then only the time and the latency section differ
        assertThat(ReportFiles.json(again.reproducible())).isEqualTo(ReportFiles.json(report().reproducible()));
        assertThat(again.generatedAt()).isNotBlank();
        assertThat(again.latency().overall()).containsKeys("search", "chat", "bm25-chunks", "easy-rag");
    }

    @Test
    void should_score_our_set_ups_and_both_baselines_on_the_same_questions() {
        List<RetrievalRow> rows = report().retrieval();
        assertThat(rows).extracting(RetrievalRow::id)
                .containsExactly("search", "sources", "bm25-chunks", "easy-rag", "easy-rag-sources");
        int scored = (int) sample().stream().filter(GoldQuestion::answerable).count();
        assertThat(rows).allSatisfy(row -> assertThat(row.overall().cases().questions()).isEqualTo(scored));
        assertThat(rows.get(0).overall().passages().questions()).isGreaterThanOrEqualTo(2);
        assertThat(rows.subList(2, 5)).allSatisfy(row -> assertThat(row.overall().passages()).isNull());
        assertThat(report().setup().questionsByType().keySet()).containsExactlyElementsOf(GoldQuestion.TYPES);
        // the Easy RAG baseline located every segment of the real splitter in the brochure, else it would have thrown
        assertThat(report().setup().easyRagSegments()).isGreaterThan(100);
        assertThat(report().setup().bm25Chunks()).isGreaterThan(200);
        // Easy RAG as configured hands over the first 3 of the same ranking
        assertThat(rows.get(4).overall().cases().recallAt1()).isEqualTo(rows.get(3).overall().cases().recallAt1());
    }

    @Test
    void should_score_only_the_service_when_run_without_baselines() {
        // when the Werkbank's kind of run
        RunReport alone = runner.run(sample(), "sample", "-");
        // then
        assertThat(alone.retrieval()).extracting(RetrievalRow::id).containsExactly("search", "sources");
        assertThat(alone.answers()).extracting(AnswerRow::id).containsExactly("studienlotse");
        assertThat(alone.latency().overall()).containsOnlyKeys("search", "chat");
        assertThat(alone.setup().judge()).isEqualTo("off");
    }

    @Test
    void should_read_the_gold_set_from_the_classpath_by_default() throws Exception {
        // when
        EvaluationRunner.GoldSet gold = runner.goldSet();
        // then the copy inside the jar, named as the file it was copied from
        assertThat(gold.name()).isEqualTo(EvaluationCommand.QUESTIONS);
        assertThat(gold.questions()).isEqualTo(GoldQuestion.read(Path.of(EvaluationCommand.QUESTIONS)));
        assertThat(gold.sha256()).isEqualTo(EvaluationRunner.sha256(Files.readAllBytes(Path.of(EvaluationCommand.QUESTIONS))));
    }

    @Test
    void should_cite_only_what_the_answerer_was_given() {
        AnswerRow ours = report().answers().getFirst();
        assertThat(ours.overall().citations()).isPositive();
        assertThat(ours.overall().citationValidity()).isEqualTo(1.0);
        assertThat(ours.overall().faithfulness()).isNull();
        assertThat(report().setup().judge()).isEqualTo("off");
    }

    @Test
    void should_score_the_baselines_on_abstention_only_as_never_declining() {
        assertThat(report().answers().subList(1, 3)).allSatisfy(row -> {
            assertThat(row.overall().refusedWhenShould()).isEqualTo(0.0);
            assertThat(row.overall().answeredWhenShould()).isEqualTo(1.0);
            assertThat(row.overall().citationPrecision()).isNull();
            assertThat(row.overall().mustMention()).isNull();
        });
    }

    @Test
    void should_write_the_report_as_json_and_markdown(@TempDir Path directory) throws Exception {
        // when
        List<Path> files = ReportFiles.write(report(), directory, "sample");
        // then
        String markdown = Files.readString(files.get(1));
        assertThat(JsonMapper.builder().build().readTree(Files.readString(files.get(0))).path("setup").path("backend")
                .asString()).isEqualTo("extractive");
        assertThat(markdown).contains("## Retrieval, case level", "## Answers", "### followup", "n/a",
                "## Latency (varies from run to run");
        assertThat(markdown.lines().filter(l -> l.startsWith("Generated "))).hasSize(1);
        assertThat(ReportFiles.name(report())).isEqualTo("reference");
    }
}
