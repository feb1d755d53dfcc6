package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;

/**
 * A passage handed to the answerer as source {@code [n]}.
 *
 * @param coverage share of the question's content words the passage holds (1 for facts)
 * @param fact     picked because the question asks for this fact (a duration, the sample size), not found by search
 * @param matching one of every case that answers a "which cases" question, shown whatever its coverage
 */
record Source(int n, Passage passage, CaseStudy caseStudy, double coverage, boolean fact, boolean matching) {

    /** The same source under another number. */
    Source numbered(int number) {
        return new Source(number, passage, caseStudy, coverage, fact, matching);
    }

    Citation citation() {
        return Citation.of(n, passage, caseStudy);
    }
}
