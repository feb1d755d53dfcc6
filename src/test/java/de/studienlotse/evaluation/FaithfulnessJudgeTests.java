package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.studienlotse.answer.Citation;
import de.studienlotse.answer.llm.FakeLlmServer;
import de.studienlotse.answer.llm.FakeLlmServer.Protocol;
import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.LlmConfiguration;
import de.studienlotse.answer.llm.LlmProperties;
import de.studienlotse.answer.llm.ModelStream;
import de.studienlotse.evaluation.FaithfulnessJudge.Judgement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaithfulnessJudgeTests {

    private static final ModelStream STREAM = new ModelStream(Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final String QUESTION = "Wie lange hat die Einführung beim Konsumgüterunternehmen gedauert?";
    private static final String ANSWER = "Die Einführung dauerte 4 Wochen [1]. Sie kostete 20.000 Euro [1]. "
            + "Die Mitarbeitenden wurden geschult [2].";
    private static final List<Citation> CITED = List.of(
            new Citation(1, "B2.eckdaten.1", "B2", "Buchhaltung", "Konsumgüter", "Prozessautomatisierung",
                    "eckdaten", "Dauer der Einführung", "4 Wochen"),
            new Citation(2, "B2.tipps.1", "B2", "Buchhaltung", "Konsumgüter", "Prozessautomatisierung",
                    "tipps", "Learning by doing", "Learning by doing"));

    @Test
    void should_score_supported_claims_over_all_claims_from_a_scripted_verdict() {
        try (FakeLlmServer server = FakeLlmServer.start(Protocol.OPENAI)) {
            // given a judge model that finds the cost unsupported
            server.streams("{\"aussagen\": [",
                    "{\"aussage\": \"Die Einführung dauerte 4 Wochen.\", \"urteil\": \"belegt\", \"quellen\": [1]}, ",
                    "{\"aussage\": \"Sie kostete 20.000 Euro.\", \"urteil\": \"nicht belegt\", \"quellen\": []}, ",
                    "{\"aussage\": \"Die Mitarbeitenden wurden geschult.\", \"urteil\": \"belegt\", \"quellen\": [2]}",
                    "]}");
            FaithfulnessJudge judge = judge(openAi(server), true);

            // when
            Judgement judgement = judge.judge(QUESTION, ANSWER, CITED);

            // then
            assertThat(judge.active()).isTrue();
            assertThat(judgement.error()).isNull();
            assertThat(judgement.claims()).extracting(FaithfulnessJudge.Claim::supported).containsExactly(true, false, true);
            assertThat(judgement.faithfulness()).isCloseTo(2 / 3.0, within(1e-9));
            String prompt = content(server.takeRequest().json());
            assertThat(prompt).contains("Zerlege die Antwort in einzelne Aussagen")
                    .contains(QUESTION).contains(ANSWER)
                    .contains("[1] Dauer der Einführung: 4 Wochen")
                    .contains("[2] Learning by doing")
                    .doesNotContain("{{");
        }
    }

    @Test
    void should_read_a_verdict_wrapped_in_a_code_fence() {
        Judgement judgement = FaithfulnessJudge.parse("""
                Hier das Ergebnis:
                ```json
                {"aussagen": [{"aussage": "4 Wochen", "urteil": "Belegt", "quellen": [1]}]}
                ```""");
        assertThat(judgement.faithfulness()).isEqualTo(1.0);
    }

    @Test
    void should_leave_an_answer_without_claims_unscored() {
        Judgement judgement = FaithfulnessJudge.parse("{\"aussagen\": []}");
        assertThat(judgement.faithfulness()).isNull();
        assertThat(judgement.error()).isNull();
    }

    @Test
    void should_report_a_reply_it_cannot_read_instead_of_guessing() {
        assertThat(FaithfulnessJudge.parse("Alles belegt.").error()).isEqualTo("no JSON object in the reply");
        assertThat(FaithfulnessJudge.parse("{\"aussagen\": [{\"aussage\": \"x\", \"urteil\": \"teilweise\"}]}").error())
                .isEqualTo("unknown verdict \"teilweise\"");
        assertThat(FaithfulnessJudge.parse("{\"claims\": []}").faithfulness()).isNull();
    }

    @Test
    void should_stay_off_unless_asked_for_and_a_model_is_configured() {
        try (FakeLlmServer server = FakeLlmServer.start(Protocol.OPENAI)) {
            assertThat(judge(openAi(server), false).active()).isFalse();
            assertThat(judge(openAi(server), false).state()).isEqualTo("off");
        }
        FaithfulnessJudge withoutModel = judge(LanguageModel.extractive(), true);
        assertThat(withoutModel.active()).isFalse();
        assertThat(withoutModel.state()).contains("no language model");
    }

    private static FaithfulnessJudge judge(LanguageModel model, boolean enabled) {
        // the real prompt file of prompts/
        return new FaithfulnessJudge(model, STREAM, new EvaluationProperties("evaluation/questions.jsonl",
                "target/reports", enabled, true), "file:prompts/");
    }

    private static LanguageModel openAi(FakeLlmServer server) {
        return LlmConfiguration.create(new LlmProperties(LlmProperties.Provider.OPENAI, server.baseUrl(), "judge-model",
                null, Duration.ofSeconds(10), Duration.ofSeconds(5), 0.0, 512));
    }

    private static String content(JsonNode request) {
        JsonNode content = request.path("messages").get(0).path("content");
        return content.isString() ? content.asString() : content.get(0).path("text").asString();
    }
}
