package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.evaluation.RunReport.AnswerScores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate: the offline evaluation of the gold set and of the blind set must not fall more than {@value #TOLERANCE}
 * below the committed reports in sources Recall@5, abstention (refused and answered when it should) or must-mention.
 * After a change that moves the figures, regenerate the reports ({@code evaluation/README.md}) and commit them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EvaluationGateTests {

    static final double TOLERANCE = 0.02;

    @Autowired
    EvaluationRunner runner;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "evaluation/questions.jsonl, evaluation/reports/reference.json",
            "evaluation/blind-questions.jsonl, evaluation/reports/blind.json",
    })
    void should_not_fall_below_the_committed_report(String questions, String committedReport) {
        // given
        JsonNode committed = JsonMapper.builder().build().readTree(Path.of(committedReport).toFile());
        // when
        RunReport now = runner.run(GoldQuestion.read(Path.of(questions)), questions, "-");
        // then
        Map<String, Double> measured = figures(now);
        Map<String, Double> expected = new LinkedHashMap<>();
        for (JsonNode row : committed.get("retrieval")) {
            if (row.get("id").asString().equals("sources")) {
                expected.put("sources R@5", row.get("overall").get("cases").get("recallAt5").asDouble());
            }
        }
        JsonNode answers = committed.get("answers").get(0).get("overall");
        expected.put("refused when it should", answers.get("refusedWhenShould").asDouble());
        expected.put("answered when it should", answers.get("answeredWhenShould").asDouble());
        expected.put("must-mention", answers.get("mustMention").asDouble());
        assertThat(expected).hasSize(4);
        expected.forEach((figure, value) -> assertThat(measured.get(figure))
                .as("%s of %s (committed %.3f)", figure, questions, value)
                .isGreaterThanOrEqualTo(value - TOLERANCE));
    }

    private static Map<String, Double> figures(RunReport report) {
        Map<String, Double> figures = new LinkedHashMap<>();
        report.retrieval().stream().filter(r -> r.id().equals("sources"))
                .forEach(r -> figures.put("sources R@5", r.overall().cases().recallAt5()));
        AnswerScores answers = report.answers().getFirst().overall();
        figures.put("refused when it should", answers.refusedWhenShould());
        figures.put("answered when it should", answers.answeredWhenShould());
        figures.put("must-mention", answers.mustMention());
        return figures;
    }
}
