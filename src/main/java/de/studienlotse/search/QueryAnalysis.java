package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a question into {@link QueryWord}s with the index analyzer: the question is only tokenized, never parsed,
 * so quotes, colons, brackets, AND, * and ~ are plain characters. Thread-safe.
 */
final class QueryAnalysis {

    private final Analyzer analyzer;
    private final VocabularyBridges bridges;
    private final Thesaurus thesaurus;
    private final Spelling spelling;

    QueryAnalysis(Analyzer analyzer, VocabularyBridges bridges, Thesaurus thesaurus, Spelling spelling) {
        this.analyzer = analyzer;
        this.bridges = bridges;
        this.thesaurus = thesaurus;
        this.spelling = spelling;
    }

    List<QueryWord> concepts(String question) {
        List<AnalyzedWord> words = words(question);
        List<String> terms = words.stream().map(AnalyzedWord::term).toList();
        List<QueryWord> concepts = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int i = 0;
        while (i < words.size()) {
            AnalyzedWord word = words.get(i);
            var match = bridges.longestMatch(terms, i);
            QueryWord concept;
            if (match.isPresent() && match.get().length() > 1) {
                List<AnalyzedWord> phrase = words.subList(i, i + match.get().length());
                concept = new QueryWord(phrase.stream().map(AnalyzedWord::typed).collect(Collectors.joining(" ")),
                        phrase.stream().map(AnalyzedWord::term).toList(), List.of(), match.get().alternatives(), Set.of());
                i += match.get().length();
            } else if (match.isPresent()) {
                concept = new QueryWord(word.typed(), List.of(word.term()), word.parts(), match.get().alternatives(),
                        thesaurus.alternatives(word.term()));
                i++;
            } else if (bridges.isFiller(word.typed())) {
                i++;
                continue;
            } else {
                // a misspelt word ("Rechnugen") is searched as the index term it misses by one letter
                Set<String> corrected = word.parts().isEmpty()
                        ? spelling.correction(word.typed(), word.term()).map(Set::of).orElse(Set.of()) : Set.of();
                concept = new QueryWord(word.typed(), List.of(word.term()), word.parts(), corrected,
                        thesaurus.alternatives(word.term()));
                i++;
            }
            if (seen.add(concept.own())) {
                concepts.add(concept);
            }
        }
        return concepts;
    }

    /** The question's words after analysis: each term with the compound parts stacked on it. */
    List<AnalyzedWord> words(String question) {
        List<AnalyzedWord> words = new ArrayList<>();
        String typed = null;
        String head = null;
        List<String> parts = new ArrayList<>();
        for (Tokens token : Tokens.of(analyzer, "text", question)) {
            if (token.startsWord() || head == null) {
                if (head != null) {
                    words.add(new AnalyzedWord(typed, head, parts));
                }
                typed = question.substring(token.start(), token.end());
                head = token.term();
                parts = new ArrayList<>();
            } else {
                parts.add(token.term());
            }
        }
        if (head != null) {
            words.add(new AnalyzedWord(typed, head, parts));
        }
        return words;
    }
}
