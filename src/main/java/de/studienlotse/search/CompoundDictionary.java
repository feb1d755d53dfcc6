package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The decompounding dictionary of {@link StudyAnalyzer}: the brochure's own vocabulary, so that
 * "Eingangsrechnungen" splits into "eingang" + "rechnung" because the brochure uses both words on their own.
 *
 * <p>Licence: Lucene ships no German decompounding data; the well-known dictionaries (igerman98-based lists as in
 * uschindler/german-decompounder: LGPL-3; OFFO hyphenation grammars: LPPL) are not used. Every word here comes from
 * the brochure text we index, or from {@code search/kompositum-teile.txt}, written by this project.
 *
 * <p>How it is built:
 * <ol>
 *   <li>every word of at least {@value #MIN_LENGTH} letters that the brochure uses on its own, lower-cased,
 *       stop words removed and umlauts folded exactly as {@link StudyAnalyzer} does before decompounding;</li>
 *   <li>for plurals of the suffix nouns that take a linking "s" (-ung, -heit, -keit, -schaft, -tion, -tät),
 *       the singular too: "rechnungen" adds "rechnung", the first part of "Rechnungsverarbeitung";</li>
 *   <li>the additions of {@code search/kompositum-teile.txt}; its lines starting with "-" are removed
 *       ("ende", the participle ending of "Mitarbeitende", is a word but no useful part);</li>
 *   <li>words that are themselves compounds of dictionary words ("kundenberatung" = "kunden" + "beratung") are
 *       dropped, since longest-match decompounding would otherwise keep them whole.</li>
 * </ol>
 */
public final class CompoundDictionary {

    static final int MIN_LENGTH = StudyAnalyzer.MIN_SUBWORD_SIZE;
    static final String HAND_LIST = "search/kompositum-teile.txt";

    /** Fugen-elements allowed between two parts when deciding whether a word is a compound. */
    private static final List<String> LINKING = List.of("", "s", "es", "n", "en", "e");
    private static final List<String> LINKING_S_SUFFIXES = List.of("ungen", "heiten", "keiten", "schaften",
            "tionen", "taten");

    private CompoundDictionary() {
    }

    /** The dictionary for a parsed brochure: passages, labels, section titles and case titles. */
    public static CharArraySet of(Study study) {
        List<String> texts = new ArrayList<>();
        for (Passage passage : study.passages()) {
            texts.add(passage.text());
            texts.add(passage.label());
        }
        for (CaseStudy caseStudy : study.cases()) {
            texts.add(caseStudy.application());
            texts.add(caseStudy.branche());
            caseStudy.sections().stream().map(Section::title).forEach(texts::add);
        }
        study.studySections().stream().map(Section::title).forEach(texts::add);
        return fromTexts(texts.stream().filter(Objects::nonNull).toList());
    }

    /** The dictionary for any German texts, with the hand-written list applied. */
    public static CharArraySet fromTexts(Collection<String> texts) {
        HandList hand = HandList.load();
        Set<String> words = new TreeSet<>();
        try (Analyzer folding = new FoldingAnalyzer()) {
            for (String text : texts) {
                words.addAll(foldedWords(folding, text));
            }
            for (String addition : hand.additions()) {
                words.addAll(foldedWords(folding, addition));
            }
            words.removeAll(foldedWords(folding, String.join(" ", hand.removals())));
        }
        words.removeIf(word -> word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter));
        words.addAll(singularsOfLinkingNouns(words));
        Set<String> compounds = words.stream().filter(word -> isCompound(word, words)).collect(Collectors.toSet());
        words.removeAll(compounds);
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }

    private static List<String> singularsOfLinkingNouns(Set<String> words) {
        return words.stream()
                .filter(word -> LINKING_S_SUFFIXES.stream().anyMatch(word::endsWith))
                .map(word -> word.substring(0, word.length() - "en".length()))
                .toList();
    }

    /** True if the word is two or more dictionary words, joined directly or by a linking element. */
    static boolean isCompound(String word, Set<String> dictionary) {
        return splits(word, 0, dictionary, 0);
    }

    private static boolean splits(String word, int from, Set<String> dictionary, int partsSoFar) {
        for (int end = from + MIN_LENGTH; end <= word.length(); end++) {
            String part = word.substring(from, end);
            if (!dictionary.contains(part) || (partsSoFar == 0 && end == word.length())) {
                continue;
            }
            if (end == word.length()) {
                return true;
            }
            for (String link : LINKING) {
                int next = end + link.length();
                if (word.startsWith(link, end) && next < word.length()
                        && splits(word, next, dictionary, partsSoFar + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> foldedWords(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** {@link StudyAnalyzer}'s chain up to where it decompounds. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new ApostropheFilter(result);
            result = new StopFilter(result, StudyAnalyzer.STOP_WORDS);
            result = new GermanNormalizationFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }

    /** {@code search/kompositum-teile.txt}: one word a line, "-word" removes, "#" comments. */
    record HandList(List<String> additions, List<String> removals) {

        static HandList load() {
            List<String> additions = new ArrayList<>();
            List<String> removals = new ArrayList<>();
            try (InputStream in = CompoundDictionary.class.getClassLoader().getResourceAsStream(HAND_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("missing class path resource " + HAND_LIST);
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .forEach(line -> (line.startsWith("-") ? removals : additions)
                                .add(line.startsWith("-") ? line.substring(1).strip() : line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new HandList(List.copyOf(additions), List.copyOf(removals));
        }
    }
}
