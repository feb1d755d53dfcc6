package de.studienlotse.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

import java.io.IOException;
import java.util.List;

/**
 * Replaces a word by its most likely lemma ("Ängste" → Angst, "angepasst" → anpassen) and marks it as a keyword, so
 * the stemmer later in the chain leaves it alone. Only one lemma: the further readings are mostly rare forms of
 * other verbs ("führen" as the subjunctive of "fahren") and would only add noise. Words the dictionary does not know
 * pass unchanged, for the stemmer. Runs before lower-casing: the dictionary tells nouns by their capital.
 */
final class LemmaFilter extends TokenFilter {

    private final GermanMorphology morphology;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    LemmaFilter(TokenStream input, GermanMorphology morphology) {
        super(input);
        this.morphology = morphology;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            List<String> lemmas = morphology.lemmas(term.toString());
            if (!lemmas.isEmpty()) {
                term.setEmpty().append(lemmas.getFirst());
                keyword.setKeyword(true);
            }
        }
        return true;
    }
}
