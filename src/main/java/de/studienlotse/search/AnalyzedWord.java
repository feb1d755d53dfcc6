package de.studienlotse.search;

import java.util.List;

/**
 * One word of a text after the index analyzer: as typed, its term (lemma or stem), and the compound parts stacked on
 * it. Stop words have none.
 *
 * @param typed the word as typed, "Datenschutzbedenken"
 * @param term  its term, "datenschutzbedenken"
 * @param parts its compound parts and heads, "datum", "schutz", "bedenken", "schutzbedenken"
 */
public record AnalyzedWord(String typed, String term, List<String> parts) {

    public AnalyzedWord {
        parts = List.copyOf(parts);
    }

    /** Whether the word is this term, or a compound whose head it is ("Datenschutzbedenken" is a kind of Bedenken). */
    public boolean is(String other) {
        if (term.equals(other)) {
            return true;
        }
        return term.endsWith(other) && parts.contains(other);
    }

    /** Whether the word is this term or holds it as any part ("Logistikfirma" holds "logistik"). */
    public boolean holds(String other) {
        return term.equals(other) || parts.contains(other);
    }
}
