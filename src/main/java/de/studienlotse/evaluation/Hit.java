package de.studienlotse.evaluation;

import de.studienlotse.corpus.Passage;
import java.util.Set;

/**
 * One retrieved unit as the metrics see it.
 *
 * @param passageId the passage, or {@code null} for a baseline's text chunk (no passage-level scores then)
 * @param cases     the cases it belongs to: one for a passage, every case it overlaps for a chunk, none for study text
 * @param sections  section keys: {@code B4.herausforderungen} or {@code fazit} for a passage, the overlapped study
 *                  sections (and the overlapped case ids) for a chunk
 */
record Hit(String passageId, Set<String> cases, Set<String> sections) {

    Hit {
        cases = Set.copyOf(cases);
        sections = Set.copyOf(sections);
    }

    static Hit of(Passage passage) {
        return passage.caseId() == null
                ? new Hit(passage.id(), Set.of(), Set.of(passage.sectionId()))
                : new Hit(passage.id(), Set.of(passage.caseId()), Set.of(passage.caseId() + "." + passage.sectionId()));
    }

    /** The keys that make this hit relevant to the question: sections for section-level questions, else cases. */
    Set<String> keys(GoldQuestion question) {
        return question.sectionLevel() ? sections : cases;
    }
}
