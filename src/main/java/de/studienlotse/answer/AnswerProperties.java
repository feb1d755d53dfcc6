package de.studienlotse.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are assembled.
 *
 * @param maxSources   passages handed to the answerer for an open question
 * @param maxPerCase   passages of one case among them, unless the question is about that case
 * @param retrievalK   hits fetched per search before selection
 * @param minCoverage  below this share of the question's words in the best passage, the study is taken not to cover
 *                     the question and the answer abstains (chosen on the gold questions, evaluation/questions.jsonl)
 * @param quoteLength  passages longer than this are shortened at a sentence end in extractive answers
 */
@ConfigurationProperties("studienlotse.answer")
public record AnswerProperties(@DefaultValue("8") int maxSources, @DefaultValue("3") int maxPerCase,
                               @DefaultValue("12") int retrievalK, @DefaultValue("0.25") double minCoverage,
                               @DefaultValue("360") int quoteLength) {
}
