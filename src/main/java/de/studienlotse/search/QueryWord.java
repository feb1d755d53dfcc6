package de.studienlotse.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One content word of a question (or a phrase a bridge rule matched, such as "works council"), with everything it is
 * searched as.
 *
 * @param typed   the word(s) as typed
 * @param own     the analyzed word(s) themselves: one term, or one per word of a matched phrase
 * @param parts   compound parts of the word ("rechnung", "verarbeitung" of "Rechnungsverarbeitung")
 * @param bridges the study's words for it ("mitarbeitende" for "Kollegen")
 * @param related words of its OpenThesaurus synsets that the index holds ("angst" for "Schiss"), weighed least
 */
record QueryWord(String typed, List<String> own, List<String> parts, Set<String> bridges, Set<String> related) {

    QueryWord {
        own = List.copyOf(own);
        parts = List.copyOf(parts);
        bridges = Set.copyOf(bridges);
        related = Set.copyOf(related);
    }

    static final double RELATED_COVERAGE = 0.5;

    String term() {
        return String.join(" ", own);
    }

    /** Parts and bridge words, without the word itself. */
    List<String> expansions() {
        Set<String> all = new LinkedHashSet<>(parts);
        all.addAll(bridges);
        all.addAll(related);
        own.forEach(all::remove);
        return new ArrayList<>(all);
    }

    /**
     * How much of this word a passage holds: 1 for the word itself or a bridge word, else the share of its compound
     * parts (or, for a phrase, of its words), and at least {@value #RELATED_COVERAGE} for a thesaurus alternative:
     * a synonym is evidence, but weaker than the word.
     */
    double coverage(Set<String> passageTerms) {
        if (passageTerms.containsAll(own) || bridges.stream().anyMatch(passageTerms::contains)) {
            return 1.0;
        }
        List<String> pieces = own.size() > 1 ? own : parts;
        double share = pieces.isEmpty() ? 0.0
                : (double) pieces.stream().filter(passageTerms::contains).count() / pieces.size();
        return related.stream().anyMatch(passageTerms::contains) ? Math.max(share, RELATED_COVERAGE) : share;
    }
}
