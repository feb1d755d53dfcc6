package de.studienlotse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Typing errors in a question: a word that German does not know ("Rechnugen", "Buchhlatung") and the index does not
 * hold is searched as the index term one edit away (Lucene's {@link DirectSpellChecker} over the passage text). A
 * real word the study lacks ("Wetter", "Keller") is never corrected: it may be exactly what the study does not cover.
 */
final class Spelling {

    static final Spelling NONE = new Spelling(null, null, null);
    /** Shorter words are too often another word one edit away ("Hut", "gut"). */
    static final int MIN_LENGTH = 6;

    private final IndexReader reader;
    private final String field;
    private final Predicate<String> knownWord;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling(IndexReader reader, String field, Predicate<String> knownWord) {
        this.reader = reader;
        this.field = field;
        this.knownWord = knownWord;
        checker.setMaxEdits(1);
        checker.setMinQueryLength(MIN_LENGTH - 1);
    }

    /** The index term for a misspelt word, if the word is unknown to German and one term is one edit away. */
    Optional<String> correction(String typed, String term) {
        if (reader == null || typed.length() < MIN_LENGTH || !typed.chars().allMatch(Character::isLetter)
                || knownWord.test(typed)) {
            return Optional.empty();
        }
        try {
            if (reader.docFreq(new Term(field, term)) > 0) {
                return Optional.empty();
            }
            SuggestWord[] suggestions = checker.suggestSimilar(new Term(field, term), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
