package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;

/**
 * A passage handed to the answerer as source {@code [n]}.
 *
 * @param coverage share of the question's content words the passage holds (1 for facts picked by topic)
 */
public record Source(int n, Passage passage, CaseStudy caseStudy, double coverage) {

    Citation citation() {
        return Citation.of(n, passage, caseStudy);
    }
}
