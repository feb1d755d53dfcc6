package de.studienlotse.search;

import de.studienlotse.corpus.GermanFold;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.ApostropheFilter;

import java.util.List;

/**
 * German analysis for the study, the same chain at index and at query time, one idea per filter:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}, then {@link ApostropheFilter} (Turkish by origin; here for "TIPP's", "gibt's");</li>
 *   <li>{@link CompoundPartsFilter}: jWordSplitter's parts stacked on the word ("Datenschutzthemen" → Daten, schutz,
 *       themen, schutzthemen), the word itself kept;</li>
 *   <li>{@link LemmaFilter}: Morfologik lemmas ("Ängste" → Angst, "Tipps" → Tipp, "eingeführt" → einführen), before
 *       lower-casing because the dictionary tells nouns by their capital;</li>
 *   <li>lower case, German stop words, {@link GermanNormalizationFilter} (ä = ae = a, ß = ss);</li>
 *   <li>a Savoy stemmer for the words the dictionary does not know (lemmas are keywords and pass untouched).</li>
 * </ol>
 *
 * <p>NOTE: the dictionary has one lemma per reading; "Daten" is lemmatised as Datum, the same at index and query
 * time, so it still matches itself.
 */
public final class StudyAnalyzer extends Analyzer {

    /** Which of Lucene's German stemmers (both by Jacques Savoy) handles words without a lemma. */
    public enum Stemming {
        /** {@link GermanMinimalStemFilter}: plural endings only ("Schulungen" → "schulung"). */
        MINIMAL,
        /** {@link GermanLightStemFilter}: also -er, -es, -em, -st ... endings and linking -s. */
        LIGHT
    }

    /** Snowball's German stop words (old spelling "daß" only) plus question, auxiliary and modal words and lemmas. */
    static final CharArraySet STOP_WORDS = stopWords();

    private final GermanMorphology morphology;
    private final Stemming stemming;

    /**
     * @param morphology lemmas and compound parts; {@link GermanMorphology#none()} leaves the stemmer alone
     */
    public StudyAnalyzer(GermanMorphology morphology, Stemming stemming) {
        this.morphology = morphology;
        this.stemming = stemming;
    }

    public Stemming stemming() {
        return stemming;
    }

    /** Whether German knows the word (a lemma, or a compound of known parts); false without a dictionary. */
    boolean knownWord(String word) {
        return morphology.enabled() && (!morphology.lemmas(word).isEmpty() || morphology.parts(word).size() > 1);
    }

    /** Whether German knows the word as a common word, not only as a proper name or not at all. */
    boolean commonWord(String word) {
        return morphology.commonWord(word);
    }

    boolean hasDictionary() {
        return morphology.enabled();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ApostropheFilter(source);
        if (morphology.enabled()) {
            result = new CompoundPartsFilter(result, morphology);
            result = new LemmaFilter(result, morphology);
        }
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new GermanNormalizationFilter(result);
        result = stem(result);
        result = new RemoveDuplicatesTokenFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return GermanFold.filter(in);
    }

    private TokenStream stem(TokenStream in) {
        return switch (stemming) {
            case MINIMAL -> new GermanMinimalStemFilter(in);
            case LIGHT -> new GermanLightStemFilter(in);
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet words = CharArraySet.copy(GermanAnalyzer.getDefaultStopSet());
        words.addAll(List.of("dass", "gibt", "gab", "geben", "wurde", "wurden", "worden", "werden", "wer", "wen",
                "wem", "warum", "wieso", "weshalb", "sowie", "bzw", "müssen", "muss", "sollen", "sollten", "können",
                "könnten", "konnte", "konnten", "haben", "sein"));
        return CharArraySet.unmodifiableSet(words);
    }
}
