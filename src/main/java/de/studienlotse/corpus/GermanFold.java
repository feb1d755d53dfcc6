package de.studienlotse.corpus;

import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;

/**
 * The one fold of German spellings, the search analyzer's own: lower case, then Lucene's
 * {@link GermanNormalizationFilter} ("Größe", "Groesse" and "Grösse" all become "grosse"; ä = ae = a, ö = oe = o,
 * ü = ue = u, ß = ss). The search package's {@code StudyAnalyzer} normalises with {@link #filter}, every other
 * comparison of words (Tätigkeit names, concerns, the study's vocabulary, file names) with {@link #fold}.
 *
 * <p>NOTE: the filter drops an "e" after a, o, u only where it reads as an umlaut ("Poet" → "pot", but "Steuer" and
 * "neue" stay): compare folded with folded, never a folded word with a written one.
 */
public final class GermanFold {

    /** Only {@link Analyzer#normalize(String, String)} is used: one term in, the folded term out, no tokenising. */
    private static final Analyzer FOLD = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, filter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return filter(in);
        }
    };

    private GermanFold() {
    }

    /** The fold as a filter chain, for an analyzer's {@code normalize()}. */
    public static TokenStream filter(TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }

    /** The text folded whole; NFKC first, so a decomposed "a" + diaeresis or a full-width letter folds like the plain one. */
    public static String fold(String text) {
        return FOLD.normalize("", Normalizer.normalize(text, Normalizer.Form.NFKC)).utf8ToString();
    }
}
