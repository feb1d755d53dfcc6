package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.ApostropheFilter;

import java.util.List;

/**
 * German analysis for the study, the same chain at index and at query time.
 *
 * <p>Like Lucene's {@link GermanAnalyzer} (lower case, Snowball stop words, {@link GermanNormalizationFilter},
 * German stemmer), plus {@link ApostropheFilter} (Turkish by origin; here for "TIPP's" and "gibt's", which
 * StandardTokenizer keeps whole) and decompounding with a dictionary built from the brochure itself
 * ({@link CompoundDictionary}): "Eingangsrechnungen" is indexed as {@code eingangsrechnung}, {@code eingang},
 * {@code rechnung}, so the query "Rechnungsverarbeitung" ({@code rechnungsverarbeitung}, {@code rechnung},
 * {@code verarbeitung}) finds it. The whole word stays in the stream, so a passage that uses the exact compound
 * matches more terms and ranks first.
 *
 * <p>Decompounding runs after umlaut folding, not before: "Kapazitaetsplanung" and "Kapazitätsplanung" then split
 * the same way and the dictionary needs one spelling per word.
 *
 * <p>NOTE: the dictionary knows only the brochure's words (and a short list of our own); a compound whose parts the
 * brochure never uses on their own is not split.
 */
public final class StudyAnalyzer extends Analyzer {

    /** Which of Lucene's German stemmers (both by Jacques Savoy) ends the chain. */
    public enum Stemming {
        /** {@link GermanMinimalStemFilter}: plural endings only ("Schulungen" → "schulung"). */
        MINIMAL,
        /** {@link GermanLightStemFilter}: also -er, -es, -em, -st ... endings and linking -s. */
        LIGHT
    }

    /** Only words at least this long are split (shorter ones are rarely compounds). */
    static final int MIN_WORD_SIZE = 8;
    /** Parts shorter than this are never emitted: "rat" in "Betriebsrat", "ist" in "Kostenliste". */
    static final int MIN_SUBWORD_SIZE = 4;
    static final int MAX_SUBWORD_SIZE = 24;

    /** Snowball's German stop words (old spelling "daß" only) plus frequent question and auxiliary words. */
    static final CharArraySet STOP_WORDS = stopWords();

    private final CharArraySet compoundDictionary;
    private final Stemming stemming;
    private final int minSubwordSize;

    /**
     * @param compoundDictionary lower-cased, umlaut-folded parts (see {@link CompoundDictionary}); empty to switch
     *                           decompounding off
     */
    public StudyAnalyzer(CharArraySet compoundDictionary, Stemming stemming) {
        this(compoundDictionary, stemming, MIN_SUBWORD_SIZE);
    }

    /** With another minimum part length, for comparisons; the service uses {@value #MIN_SUBWORD_SIZE}. */
    public StudyAnalyzer(CharArraySet compoundDictionary, Stemming stemming, int minSubwordSize) {
        this.compoundDictionary = CharArraySet.unmodifiableSet(CharArraySet.copy(compoundDictionary));
        this.stemming = stemming;
        this.minSubwordSize = minSubwordSize;
    }

    public Stemming stemming() {
        return stemming;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new ApostropheFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new GermanNormalizationFilter(result);
        result = decompound(result);
        result = stem(result);
        result = new RemoveDuplicatesTokenFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream result = new LowerCaseFilter(in);
        return new GermanNormalizationFilter(result);
    }

    private TokenStream decompound(TokenStream in) {
        if (compoundDictionary.isEmpty()) {
            return in;
        }
        // onlyLongestMatch and consumeChars: "Datenschutzthemen" gives datenschutz + themen, not also daten, schutz, the
        return new DictionaryCompoundWordTokenFilter(in, compoundDictionary,
                MIN_WORD_SIZE, minSubwordSize, MAX_SUBWORD_SIZE, true, true);
    }

    private TokenStream stem(TokenStream in) {
        return switch (stemming) {
            case MINIMAL -> new GermanMinimalStemFilter(in);
            case LIGHT -> new GermanLightStemFilter(in);
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet words = CharArraySet.copy(GermanAnalyzer.getDefaultStopSet());
        words.addAll(List.of("dass", "gibt", "gab", "wurde", "wurden", "worden", "wer", "wen", "wem", "warum",
                "wieso", "weshalb", "sowie", "bzw", "müssen", "muss", "sollten", "könnten", "konnte", "konnten"));
        return CharArraySet.unmodifiableSet(words);
    }
}
