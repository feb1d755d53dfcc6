package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;

/**
 * One passage found, best first.
 *
 * @param caseStudy the passage's case, {@code null} for study-level text (Fazit, Methodik ...)
 * @param score     the ranking score: Lucene's BM25 score, lowered by
 *                  {@link SearchProperties#sameCaseDecay()} for each better hit of the same case; compare only
 *                  within one search
 * @param coverage  share (0..1) of the question's content words that this passage (with its case's title, Branche,
 *                  Tätigkeit and section title) contains, directly, through a bridge word, or by compound parts
 *                  (counted pro rata). Low coverage over all hits suggests the study does not cover the question.
 */
public record SearchHit(Passage passage, CaseStudy caseStudy, float score, double coverage) {
}
