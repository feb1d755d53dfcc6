package de.studienlotse.search;

import java.util.List;

/**
 * How the index sees a question: one entry per content word (stop words and English function words dropped),
 * and whether the index knows it at all; and the study's concepts it names ({@link StudyConcepts}).
 */
public record QueryTerms(String query, List<QueryTerm> terms, List<String> concepts) {

    public QueryTerms {
        terms = List.copyOf(terms);
        concepts = List.copyOf(concepts);
    }

    /**
     * @param word       the word(s) as typed, e.g. "Kolleginnen" or "works council"
     * @param term       its analyzed form, e.g. "kollegin"
     * @param expansions compound parts and bridge words searched as well, e.g. "mitarbeitend"
     * @param inIndex    whether the term or one of its expansions occurs in some passage (docFreq &gt; 0)
     * @param inConcept  whether it is part of a phrasing of a study concept the question names ("Papierkram")
     * @param common     whether German knows it as a common word ("Keller", "Startschuss"), not only as a name
     *                   ("Sachsen") or not at all ("Excel", "ROI")
     */
    public record QueryTerm(String word, String term, List<String> expansions, boolean inIndex, boolean inConcept,
                            boolean common) {

        public QueryTerm {
            expansions = List.copyOf(expansions);
        }

        public QueryTerm(String word, String term, List<String> expansions, boolean inIndex, boolean inConcept) {
            this(word, term, expansions, inIndex, inConcept, false);
        }
    }

    /** True when the question has no content word at all (only stop words, punctuation). */
    public boolean isEmpty() {
        return terms.isEmpty();
    }
}
