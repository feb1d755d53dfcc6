package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Query-time bridges from the asker's words to the study's words: German everyday words
 * ({@code search/synonyme.txt}: "Chef" → Geschäftsführung) and English ({@code search/glossar-en-de.txt}:
 * "works council" → Betriebsrat), plus English function words to drop ({@code search/fuellwoerter-en.txt}).
 *
 * <p>Both sides of a rule go through the index analyzer, so a rule matches inflected forms ("Kolleginnen") and adds
 * terms that exist in the index. Rules only add alternatives; the question's own words stay. Immutable, thread-safe.
 *
 * <p>All three lists were written for this project from the brochure's vocabulary; no third-party thesaurus is used.
 */
public final class VocabularyBridges {

    static final List<String> RULE_FILES = List.of("search/synonyme.txt", "search/glossar-en-de.txt");
    static final String FILLER_FILE = "search/fuellwoerter-en.txt";

    private static final VocabularyBridges NONE = new VocabularyBridges(Map.of(), Set.of(), 0);

    /** Analyzed key (one term per word) → analyzed alternatives. */
    private final Map<List<String>, Set<String>> rules;
    private final Set<String> fillers;
    private final int longestKey;

    private VocabularyBridges(Map<List<String>, Set<String>> rules, Set<String> fillers, int longestKey) {
        this.rules = rules;
        this.fillers = fillers;
        this.longestKey = longestKey;
    }

    /** No bridges: questions are searched with their own words only. */
    public static VocabularyBridges none() {
        return NONE;
    }

    /** The project's lists from the class path, keyed with the analyzer the index uses. */
    public static VocabularyBridges load(Analyzer analyzer) {
        return load(text -> Tokens.heads(analyzer, text));
    }

    /** The project's lists, keyed with {@code heads}: the index analyzer's words of a text, as {@link Tokens#heads}. */
    static VocabularyBridges load(Function<String, List<String>> analyzer) {
        List<String> ruleLines = new ArrayList<>();
        RULE_FILES.forEach(file -> ruleLines.addAll(lines(file)));
        Set<String> fillers = new HashSet<>();
        lines(FILLER_FILE).forEach(line -> fillers.addAll(List.of(line.toLowerCase(Locale.ROOT).split("\\s+"))));
        return parse(analyzer, ruleLines, fillers);
    }

    static VocabularyBridges parse(Analyzer analyzer, List<String> ruleLines, Set<String> fillers) {
        return parse(text -> Tokens.heads(analyzer, text), ruleLines, fillers);
    }

    static VocabularyBridges parse(Function<String, List<String>> analyzer, List<String> ruleLines, Set<String> fillers) {
        Map<List<String>, Set<String>> rules = new HashMap<>();
        int longest = 0;
        for (String line : ruleLines) {
            int arrow = line.indexOf("=>");
            if (arrow < 0) {
                throw new IllegalArgumentException("rule without '=>': " + line);
            }
            Set<String> targets = new LinkedHashSet<>();
            for (String target : line.substring(arrow + 2).split(",")) {
                // single letters ("e" of "E-Mail") would match every "E-..." word
                words(analyzer, target).stream().filter(word -> word.length() > 1).forEach(targets::add);
            }
            for (String source : line.substring(0, arrow).split(",")) {
                List<String> key = words(analyzer, source);
                if (key.isEmpty() || targets.isEmpty()) {
                    continue;
                }
                Set<String> alternatives = new LinkedHashSet<>(targets);
                alternatives.removeAll(key);
                rules.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(alternatives);
                longest = Math.max(longest, key.size());
            }
        }
        rules.replaceAll((key, alternatives) -> Set.copyOf(alternatives));
        return new VocabularyBridges(Map.copyOf(rules), Set.copyOf(fillers), longest);
    }

    /** A rule matched at some word of the question. */
    record Match(int length, Set<String> alternatives) {
    }

    /** The longest rule whose key equals the analyzed words starting at {@code from}. */
    Optional<Match> longestMatch(List<String> words, int from) {
        for (int length = Math.min(longestKey, words.size() - from); length > 0; length--) {
            Set<String> alternatives = rules.get(words.subList(from, from + length));
            if (alternatives != null) {
                return Optional.of(new Match(length, alternatives));
            }
        }
        return Optional.empty();
    }

    /** English function words such as "the", "did", "which", matched on the word as typed. */
    boolean isFiller(String typed) {
        return fillers.contains(typed.toLowerCase(Locale.ROOT));
    }

    int size() {
        return rules.size();
    }

    /** One term per word (the word's own term, no compound parts). */
    private static List<String> words(Function<String, List<String>> analyzer, String text) {
        return analyzer.apply(text);
    }

    /** The lines of a rule file without their comments ("… # L1234"). */
    private static List<String> lines(String resource) {
        return ResourceLists.lines(resource).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
