package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;

import java.util.List;

/**
 * One passage found, best first.
 *
 * @param caseStudy the passage's case, {@code null} for study-level text (Fazit, Methodik ...)
 * @param score     Lucene's BM25 score, or the fused score when a rewrite or vectors were searched as well
 *                  ({@link RankFusion}); compare only within one search (the case-diversified order may put a
 *                  lower score first)
 * @param coverage  share (0..1) of the question's content words that this passage (with its case's title, Branche,
 *                  Tätigkeit and section title) contains, directly, through a bridge word, or by compound parts
 *                  (counted pro rata); with a rewrite into the study's words, the larger of its share and the
 *                  question's. Low coverage over all hits suggests the study does not cover the question.
 * @param concepts  the study's concepts that both the question names and the passage is tagged with: why a passage
 *                  without the question's words was found ("Papierkram" → {@code rechnungsverarbeitung})
 */
public record SearchHit(Passage passage, CaseStudy caseStudy, float score, double coverage, List<String> concepts) {

    public SearchHit {
        concepts = List.copyOf(concepts);
    }
}
