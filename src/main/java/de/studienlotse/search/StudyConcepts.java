package de.studienlotse.search;

import de.studienlotse.corpus.Study;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The study's concepts as one layer for search, answers and the advisors' brief: the concepts
 * ({@value #CONCEPTS}), their everyday German and English phrasings ({@value #PHRASES}, each naming the brochure line
 * or the OpenThesaurus synset it comes from) and the concepts of every passage ({@value #TAGS}, read passage by
 * passage). A question names a concept when the analyzed words of one of its phrasings occur in it in order:
 * "Angst um meinen Job" meets "Angst um den Job" (both {@code angst job}). Immutable, thread-safe.
 */
public final class StudyConcepts {

    static final String CONCEPTS = "concepts/konzepte.tsv";
    static final String PHRASES = "concepts/konzept-woerter.tsv";
    static final String TAGS = "concepts/passagen-konzepte.tsv";
    private static final Pattern SOURCE = Pattern.compile("L\\d+|openthesaurus:.+");

    private static final StudyConcepts NONE = new StudyConcepts(Map.of(), List.of(), Map.of(), Map.of());

    private final Map<String, Concept> byId;
    private final List<Phrase> phrases;
    /** Positions in {@link #phrases} by first term: a question is matched against the phrasings it can start. */
    private final Map<String, List<Integer>> phrasesByFirstTerm;
    private final Map<String, Set<String>> conceptsByPassage;
    private final Map<String, List<String>> passagesByConcept;

    /** One phrasing as analyzed terms, one per word. */
    private record Phrase(String conceptId, List<String> terms) {
    }

    private StudyConcepts(Map<String, Concept> byId, List<Phrase> phrases, Map<String, Set<String>> conceptsByPassage,
                          Map<String, List<String>> passagesByConcept) {
        this.byId = byId;
        this.phrases = phrases;
        Map<String, List<Integer>> byFirst = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            byFirst.computeIfAbsent(phrases.get(i).terms().getFirst(), t -> new ArrayList<>()).add(i);
        }
        this.phrasesByFirstTerm = byFirst;
        this.conceptsByPassage = conceptsByPassage;
        this.passagesByConcept = passagesByConcept;
    }

    public static StudyConcepts none() {
        return NONE;
    }

    /**
     * The shipped files, phrases analyzed with the index analyzer; refuses files that name a missing passage or
     * concept, or a phrasing without its source.
     */
    public static StudyConcepts load(Study study, Analyzer analyzer) {
        return load(study, text -> Tokens.heads(analyzer, text));
    }

    /** As {@link #load(Study, Analyzer)}, phrasings keyed with {@code heads}: the index analyzer's words of a text. */
    static StudyConcepts load(Study study, Function<String, List<String>> heads) {
        Map<String, Concept> byId = new LinkedHashMap<>();
        for (String[] row : ResourceLists.rows(CONCEPTS, 5)) {
            String category = "-".equals(row[3]) ? null : row[3];
            byId.put(row[0], new Concept(row[0], row[1], row[2], category,
                    Concept.Kind.valueOf(row[4].toUpperCase(Locale.ROOT))));
        }
        byId.values().forEach(c -> {
            if (c.category() != null && !byId.containsKey(c.category())) {
                throw new IllegalStateException(CONCEPTS + ": " + c.id() + " names unknown category " + c.category());
            }
        });
        List<Phrase> phrases = new ArrayList<>();
        for (String[] row : ResourceLists.rows(PHRASES, 4)) {
            requireConcept(byId, row[0], PHRASES);
            if (!SOURCE.matcher(row[3]).matches()) {
                throw new IllegalStateException(PHRASES + ": phrasing \"" + row[1] + "\" without a source (L<line> or openthesaurus:<word>)");
            }
            List<String> terms = heads.apply(row[1]);
            // "wie viele Unternehmen" is "unternehmen" once its stop words are gone: a phrasing whose sense was in
            // its stop words would match any question with its one remaining, common word
            boolean lostItsSense = terms.size() == 1 && row[1].strip().split("[\\s]+").length > 1;
            if (lostItsSense) {
                throw new IllegalStateException(PHRASES + ": phrasing \"" + row[1] + "\" is a single word once its stop "
                        + "words are gone; write the word itself or a phrasing that keeps its sense");
            }
            if (!terms.isEmpty()) {
                phrases.add(new Phrase(row[0], terms));
            }
        }
        Map<String, Set<String>> conceptsByPassage = new HashMap<>();
        Map<String, List<String>> passagesByConcept = new LinkedHashMap<>();
        for (String[] row : ResourceLists.rows(TAGS, 2)) {
            if (study.passage(row[0]).isEmpty()) {
                throw new IllegalStateException(TAGS + ": unknown passage " + row[0]);
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String id : row[1].split(",")) {
                requireConcept(byId, id.strip(), TAGS);
                ids.add(id.strip());
                passagesByConcept.computeIfAbsent(id.strip(), k -> new ArrayList<>()).add(row[0]);
            }
            // in the tag file's order: Set.copyOf iterates in an order that changes from run to run, and the offline
            // answer groups passages by the first of equally good concepts
            conceptsByPassage.put(row[0], java.util.Collections.unmodifiableSet(ids));
        }
        passagesByConcept.replaceAll((k, v) -> List.copyOf(v));
        return new StudyConcepts(Map.copyOf(byId), List.copyOf(phrases), Map.copyOf(conceptsByPassage),
                Map.copyOf(passagesByConcept));
    }

    /**
     * Without one-word phrasings that are too common to point to a concept: a word in more than
     * {@code maxShare} of the passages ("KI", "Daten", "Mitarbeitende") says nothing about which concept is meant.
     */
    StudyConcepts withoutCommonWords(java.util.function.ToIntFunction<String> passagesWith, int passages, double maxShare) {
        List<Phrase> kept = phrases.stream().filter(p -> p.terms().size() > 1
                || passagesWith.applyAsInt(p.terms().getFirst()) <= maxShare * passages).toList();
        return new StudyConcepts(byId, kept, conceptsByPassage, passagesByConcept);
    }

    public List<Concept> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Concept> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The concepts a passage speaks to, most specific first; empty for untagged passages. */
    public Set<String> of(String passageId) {
        return conceptsByPassage.getOrDefault(passageId, Set.of());
    }

    /** Every passage tagged with the concept, in brochure order. */
    public List<String> passages(String conceptId) {
        return passagesByConcept.getOrDefault(conceptId, List.of());
    }

    /**
     * The concepts a question names, given its words as analyzed: each word's own term, and its compound parts (a
     * one-word phrasing also matches a part: "Jobangst" names the concept of "Angst").
     */
    Set<String> match(List<QueryWord> words) {
        return matchWords(words).keySet();
    }

    /**
     * The concepts a question names, each with the positions of the question's words its phrasing matched: those
     * words the study knows through the concept layer ("Papierkram" as {@code bueroaufgaben}, L1308), even where no
     * passage uses them.
     */
    Map<String, Set<Integer>> matchWords(List<QueryWord> words) {
        if (phrases.isEmpty() || words.isEmpty()) {
            return Map.of();
        }
        List<String> heads = new ArrayList<>();
        List<Integer> headWord = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (String own : words.get(i).own()) {
                heads.add(own);
                headWord.add(i);
            }
        }
        // only the phrasings starting with one of the question's terms or parts can match; kept in file order
        SortedSet<Integer> candidates = new TreeSet<>();
        heads.forEach(t -> candidates.addAll(phrasesByFirstTerm.getOrDefault(t, List.of())));
        words.forEach(w -> w.parts().forEach(t -> candidates.addAll(phrasesByFirstTerm.getOrDefault(t, List.of()))));
        Map<String, Set<Integer>> found = new LinkedHashMap<>();
        for (int candidate : candidates) {
            Phrase phrase = phrases.get(candidate);
            if (found.containsKey(phrase.conceptId())) {
                continue;
            }
            Set<Integer> matched = new java.util.TreeSet<>();
            if (phrase.terms().size() == 1) {
                for (int i = 0; i < words.size(); i++) {
                    if (words.get(i).parts().contains(phrase.terms().getFirst())) {
                        matched.add(i);
                    }
                }
            }
            int at = java.util.Collections.indexOfSubList(heads, phrase.terms());
            if (at >= 0) {
                for (int i = at; i < at + phrase.terms().size(); i++) {
                    matched.add(headWord.get(i));
                }
            }
            if (!matched.isEmpty()) {
                found.put(phrase.conceptId(), Set.copyOf(matched));
            }
        }
        return found;
    }

    private static void requireConcept(Map<String, Concept> byId, String id, String file) {
        if (!byId.containsKey(id)) {
            throw new IllegalStateException(file + ": unknown concept " + id);
        }
    }
}
