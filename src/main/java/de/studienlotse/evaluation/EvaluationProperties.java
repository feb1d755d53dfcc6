package de.studienlotse.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an evaluation run reads and judges.
 *
 * @param questions the gold set, a file path ({@code evaluation/questions.jsonl}, relative to the working directory)
 * @param reports   where {@code EvaluationCommand} writes the JSON and Markdown reports
 * @param judge     also let the configured language model judge each answer's faithfulness to its citations
 *                  ({@code prompts/judge-faithfulness.md}); ignored without a language model. Off: it costs one model
 *                  call per answer and its verdicts are not reproducible
 * @param baselines also score the two baselines (BM25 chunks, Easy RAG); off leaves only Studienlotse's own set-ups,
 *                  e.g. in tests, where building the Easy RAG embeddings costs most of a run
 */
@ConfigurationProperties("studienlotse.evaluation")
public record EvaluationProperties(@DefaultValue("evaluation/questions.jsonl") String questions,
                                   @DefaultValue("evaluation/reports") String reports,
                                   @DefaultValue("false") boolean judge,
                                   @DefaultValue("true") boolean baselines) {
}
