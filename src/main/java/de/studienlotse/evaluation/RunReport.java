package de.studienlotse.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The result of one evaluation run; rendered as {@code evaluation/reports/<name>.json} and {@code .md}. Everything but
 * {@code generatedAt} and {@code latency} is the same for the same questions, corpus and configuration
 * ({@link #reproducible()}). Scores are rounded to 4 decimals; null means "does not apply" (n/a).
 */
public record RunReport(String generatedAt, Setup setup, List<RetrievalRow> retrieval, List<AnswerRow> answers,
                        List<QuestionResult> questions, Latency latency) {

    /** The same report without what varies from run to run: the time and the latency figures. */
    public RunReport reproducible() {
        return new RunReport(null, setup, retrieval, answers, questions, null);
    }

    /**
     * @param backend         who wrote the answers ("extractive", "ollama:llama3.1")
     * @param questionsSha256 of the gold file's bytes, so a report names exactly what it scored
     * @param corpusSha256    of the brochure text
     * @param judge           "off", "on (backend)", or why it did not run
     */
    public record Setup(String backend, String questionsFile, String questionsSha256, int questions,
                        Map<String, Integer> questionsByType, String corpusSha256, int passages, int bm25Chunks,
                        int easyRagSegments, String judge) {
    }

    /** One retrieval set-up, overall and per question type. */
    public record RetrievalRow(String id, String name, Scores overall, Map<String, Scores> byType) {
    }

    /**
     * @param cases    case level: questions with gold cases, scored on cases; the others (study-level, Tabelle, ...) on
     *                 their gold sections
     * @param passages passage level: questions with a gold passage; null for set-ups that return chunks
     */
    public record Scores(RankScores cases, RankScores passages) {
    }

    public record RankScores(int questions, Double recallAt1, Double recallAt5, Double recallAt10, Double mrr,
                             Double ndcgAt10) {
    }

    /** The answer figures of one set-up, overall and per question type. */
    public record AnswerRow(String id, String name, AnswerScores overall, Map<String, AnswerScores> byType) {
    }

    /**
     * @param citationPrecision  mean over answerable questions of cited gold keys / cited keys
     * @param citationRecall     mean over answerable questions of cited gold keys / gold keys
     * @param citations          citations in all answers
     * @param citationValidity   citations resolving to a passage given to the answerer / all citations
     * @param refusedWhenShould  unanswerable questions declined / unanswerable questions
     * @param answeredWhenShould answerable questions not declined / answerable questions
     * @param mustMention        mean over answerable questions of must-mention facts found / facts
     * @param faithfulness       mean over judged answers of supported claims / claims (LLM judge)
     * @param statements         sentences of all answers checked against the passages they cite
     * @param supported          of those, the share its passages support
     * @param unsupported        the share they do not (an invented claim, or no citation)
     */
    public record AnswerScores(int questions, Double citationPrecision, Double citationRecall, int citations,
                               Double citationValidity, int unanswerable, Double refusedWhenShould, int answerable,
                               Double answeredWhenShould, Double mustMention, int judged, Double faithfulness,
                               int statements, Double supported, Double unsupported) {
    }

    /**
     * What happened to one question.
     *
     * @param firstRelevantRank per retrieval set-up: the 1-based rank of the first relevant hit, 0 for none in the top
     *                          10; absent for questions without gold
     * @param sources           passage ids given to the answerer, in source order
     * @param cited             cited keys (cases, or sections for section-level questions)
     * @param judgeError        why the judge's reply could not be read, if it could not
     */
    public record QuestionResult(String id, String type, boolean answerable, List<String> relevant,
                                 Map<String, Integer> firstRelevantRank, List<String> sources, List<String> cited,
                                 boolean abstained, Double citationPrecision, Double citationRecall,
                                 Double mustMention, Double faithfulness, String judgeError) {
    }

    /** Milliseconds per question, p50 and p95, overall and per question type; varies from run to run. */
    public record Latency(String note, Map<String, Timing> overall, Map<String, Map<String, Timing>> byType) {
    }

    public record Timing(int questions, Double p50, Double p95) {
    }
}
