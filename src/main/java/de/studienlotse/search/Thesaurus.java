package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * OpenThesaurus (www.openthesaurus.de, LGPL-2.1), reduced to the synsets that reach the study's vocabulary
 * ({@value #RESOURCE}, made by {@code ThesaurusExtract}): for a question's word, the other words of its synsets,
 * "Schiss" → Angst, "Chef" → Vorgesetzter, Leiter. Members go through the index analyzer, so an alternative is an
 * index term or nothing. Only one-word members count; "(ugs.)" and similar notes are dropped. Immutable.
 */
public final class Thesaurus {

    static final String RESOURCE = "search/openthesaurus-auszug.txt";
    /** Synsets larger than this are mostly loose associations ("machen" has 60 members); 24 keeps 99.5 % of all synsets: left out. */
    static final int MAX_SYNSET = 24;

    private static final Thesaurus NONE = new Thesaurus(Map.of());
    /** A member's note such as "(ugs.)"; compiled once, as every start reads 20,000 members. */
    private static final Pattern NOTE = Pattern.compile("\\([^)]*\\)");

    private final Map<String, Set<String>> alternatives;

    private Thesaurus(Map<String, Set<String>> alternatives) {
        this.alternatives = alternatives;
    }

    public static Thesaurus none() {
        return NONE;
    }

    /** The shipped extract, keyed with the index analyzer. */
    public static Thesaurus load(Analyzer analyzer) {
        return load(text -> Tokens.heads(analyzer, text));
    }

    /** The shipped extract, keyed with {@code heads}: the index analyzer's words of a text, as {@link Tokens#heads}. */
    static Thesaurus load(Function<String, List<String>> heads) {
        return parse(heads, ResourceLists.lines(RESOURCE));
    }

    static Thesaurus parse(Analyzer analyzer, List<String> synsets) {
        return parse(text -> Tokens.heads(analyzer, text), synsets);
    }

    static Thesaurus parse(Function<String, List<String>> analyzer, List<String> synsets) {
        Map<String, Set<String>> alternatives = new HashMap<>();
        for (String synset : synsets) {
            List<String> terms = new ArrayList<>();
            for (String member : synset.split(";")) {
                String word = NOTE.matcher(member).replaceAll("").strip();
                if (word.isEmpty() || word.contains(" ") || word.endsWith("...")) {
                    continue;
                }
                String term = headTerm(analyzer, word);
                if (term != null && !terms.contains(term)) {
                    terms.add(term);
                }
            }
            if (terms.size() < 2 || terms.size() > MAX_SYNSET) {
                continue;
            }
            for (String term : terms) {
                Set<String> others = alternatives.computeIfAbsent(term, t -> new LinkedHashSet<>());
                terms.stream().filter(t -> !t.equals(term)).forEach(others::add);
            }
        }
        alternatives.replaceAll((term, others) -> Set.copyOf(others));
        return new Thesaurus(Map.copyOf(alternatives));
    }

    /** Words of the question's word's synsets, as index terms (may include terms the index lacks). */
    Set<String> alternatives(String term) {
        return alternatives.getOrDefault(term, Set.of());
    }

    int size() {
        return alternatives.size();
    }

    /** The first term of a one-word text (its lemma or stem), or null for a stop word. */
    private static String headTerm(Function<String, List<String>> analyzer, String word) {
        List<String> heads = analyzer.apply(word);
        return heads.size() == 1 && heads.getFirst().length() > 2 ? heads.getFirst() : null;
    }
}
