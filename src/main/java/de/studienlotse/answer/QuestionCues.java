package de.studienlotse.answer;

import de.studienlotse.corpus.GermanFold;
import de.studienlotse.search.AnalyzedWord;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.ResourceLists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Phrases matched on a question's analysed words, never on letters: a cue is a word sequence ("works council") or
 * words anywhere ("viel + kosten"), each word equal to the question's word or to the head of its compound
 * ("Datenschutzbedenken" is Bedenken). So "gehalten" is no "Gehalt", "Europa" no "Euro", "Preisvergleich" no "Preis"
 * and "Fertigung" no "fertig". Immutable.
 *
 * @param <K> what a cue points to (a {@link Topic}, a case id, a Tätigkeit)
 */
final class QuestionCues<K> {

    /** A cue: all {@code groups} must match; the words of one group consecutively. */
    private record Cue<K>(K key, List<List<String>> groups) {
    }

    /** How a cue word meets a question's word. */
    enum Matching {
        /** The word itself or the head of a compound: "Datenschutzbedenken" asks about Bedenken (topics). */
        HEAD,
        /**
         * The word, or a compound that starts with it or holds it as a part: "Logistikfirma" and
         * "Konsumgüterunternehmen" name the Branche (names).
         */
        MODIFIER
    }

    private final List<Cue<K>> cues;
    private final Matching matching;

    private QuestionCues(List<Cue<K>> cues, Matching matching) {
        this.cues = List.copyOf(cues);
        this.matching = matching;
    }

    /** From phrases ("works council", "viel + kosten") per key, analysed with the index analyzer. */
    static <K> QuestionCues<K> of(PassageIndex index, Map<K, ? extends Collection<String>> phrases) {
        return of(index, phrases, Matching.HEAD);
    }

    static <K> QuestionCues<K> of(PassageIndex index, Map<K, ? extends Collection<String>> phrases, Matching matching) {
        List<Cue<K>> cues = new ArrayList<>();
        List<String> withStopWords = new ArrayList<>();
        phrases.forEach((key, list) -> list.forEach(phrase -> {
            List<List<String>> groups = new ArrayList<>();
            for (String group : phrase.split("\\+")) {
                List<String> terms = index.words(group.strip()).stream().map(AnalyzedWord::term).toList();
                if (terms.size() != group.strip().split("[\\s-]+").length) {
                    // a stop word ("wie", "viel") is not in the analysed question: such a cue could never hold
                    withStopWords.add(phrase);
                }
                groups.add(terms);
            }
            cues.add(new Cue<>(key, groups));
        }));
        if (!withStopWords.isEmpty()) {
            throw new IllegalStateException("cues with stop words, which analysed questions never hold: " + withStopWords);
        }
        return new QuestionCues<>(cues, matching);
    }

    /** The keys whose cues match the words, in the order of the cues. */
    List<K> matchInOrder(List<AnalyzedWord> words) {
        List<K> found = new ArrayList<>();
        for (Cue<K> cue : cues) {
            if (!found.contains(cue.key()) && cue.groups().stream().allMatch(g -> contains(words, g))) {
                found.add(cue.key());
            }
        }
        return found;
    }

    private boolean contains(List<AnalyzedWord> words, List<String> sequence) {
        for (int start = 0; start + sequence.size() <= words.size(); start++) {
            boolean all = true;
            for (int i = 0; i < sequence.size() && all; i++) {
                all = meets(words.get(start + i), sequence.get(i));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private boolean meets(AnalyzedWord word, String term) {
        return switch (matching) {
            case HEAD -> word.is(term) && !presentParticiple(word, term);
            // "Logistikfirma" starts with the Branche, "finanziert" (finanzieren) does not name the Finanzbranche: a
            // verb in -ieren is no compound of the noun it starts with
            case MODIFIER -> word.holds(term) || term.length() >= 5 && word.term().startsWith(term)
                    && !word.term().endsWith("ieren");
        };
    }

    /**
     * "dauernd", "abschließend": a present participle (the infinitive and a d) is an adverb or adjective ("constantly",
     * "finally"), not a question about the verb's action.
     */
    static boolean presentParticiple(AnalyzedWord word, String verb) {
        String typed = fold(word.typed());
        String infinitive = fold(verb);
        return infinitive.endsWith("n") && typed.startsWith(infinitive + "d") && typed.length() - infinitive.length() <= 3
                && typed.substring(infinitive.length() + 1).matches("|e|er|es|em|en");
    }

    private static String fold(String text) {
        return GermanFold.fold(text);
    }

    /** Rows of a tab-separated class-path file after its header row: key column, phrase column, ..., source. */
    static List<String[]> rows(String resource) {
        return ResourceLists.rows(resource, row -> row.length >= 4 && row[3].matches("L\\d+|openthesaurus:.+"),
                "4 columns with a source");
    }
}
