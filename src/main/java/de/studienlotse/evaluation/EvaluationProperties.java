package de.studienlotse.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an evaluation run reads and judges.
 *
 * @param questions the gold set: {@code classpath:evaluation/questions.jsonl} (the copy inside the jar, so runs work
 *                  from any working directory), a {@code file:} URL or a file path relative to the working directory
 * @param reports   where the evaluation command writes the JSON and Markdown reports
 * @param judge     evaluation command only: also let the configured language model judge each answer's faithfulness
 *                  to its citations ({@code prompts/judge-faithfulness.md}); ignored without a language model. Off: it
 *                  costs one model call per answer and its verdicts are not reproducible
 * @param baselines evaluation command only: also score the two baselines (BM25 chunks, Easy RAG); the Werkbank's runs
 *                  never do, the serving jar has no embedding model
 */
@ConfigurationProperties("studienlotse.evaluation")
public record EvaluationProperties(@DefaultValue("classpath:evaluation/questions.jsonl") String questions,
                                   @DefaultValue("evaluation/reports") String reports,
                                   @DefaultValue("false") boolean judge,
                                   @DefaultValue("true") boolean baselines) {
}
