package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;

/**
 * A numbered source of an answer; the text cites it as {@code [n]}. The one citation format of the service: the same
 * record lists the retrieved sources before an answer and the cited ones after it.
 *
 * @param quote the passage's verbatim text
 */
public record Citation(int n, String passageId, String caseId, String taetigkeit, String branche, String anwendung,
                       String section, String label, String quote) {

    /** Source {@code n}: the passage with its case's Tätigkeit, Branche and KI-Anwendung ({@code null}s for study text). */
    public static Citation of(int n, Passage passage, CaseStudy caseStudy) {
        return new Citation(n, passage.id(), passage.caseId(),
                caseStudy == null ? null : caseStudy.activity().label(),
                caseStudy == null ? null : caseStudy.branche(),
                caseStudy == null ? null : caseStudy.application(),
                passage.sectionId(), passage.label(), passage.text());
    }
}
