package de.studienlotse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text through an analyzer as a list: the one place with Lucene's reset / incrementToken / end / close protocol.
 *
 * @param term        the analysed term ("angst" for "Ängste")
 * @param startsWord  false for what a filter stacked on the word before (compound parts, a second lemma)
 * @param start       where the word starts in the text (character offset)
 * @param end         where it ends
 */
record Tokens(String term, boolean startsWord, int start, int end) {

    static List<Tokens> of(Analyzer analyzer, String field, String text) {
        List<Tokens> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Tokens(term.toString(), position.getPositionIncrement() > 0, offset.startOffset(),
                        offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // analysis reads a String: no real I/O happens
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** One term per word: the word's own term, without what was stacked on it. */
    static List<String> heads(Analyzer analyzer, String text) {
        return of(analyzer, "", text).stream().filter(Tokens::startsWord).map(Tokens::term).toList();
    }
}
