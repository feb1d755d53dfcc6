package de.studienlotse.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stacks the parts of a German compound on the word (position increment 0), the word itself first and unchanged:
 * "Personalbuchhaltung" → Personalbuchhaltung, Personal, buch, haltung, and the compound's heads buchhaltung,
 * haltung. German compounds are right-headed, so every tail of the parts is a word the compound is a kind of; that
 * lets "Buchhaltung" find "Personalbuchhaltung" although jWordSplitter splits it into its smallest parts.
 */
final class CompoundPartsFilter extends TokenFilter {

    private final GermanMorphology morphology;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State word;

    CompoundPartsFilter(TokenStream input, GermanMorphology morphology) {
        super(input);
        this.morphology = morphology;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(word);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        List<String> parts = morphology.parts(term.toString());
        if (parts.size() > 1) {
            if (Character.isUpperCase(term.charAt(0)) || morphology.nounLike(term.toString())) {
                // the parts of a noun are nouns: "Papierkram" → Kram (noun), not kramen
                parts = parts.stream().map(GermanMorphology::capitalised).toList();
            }
            Set<String> stacked = new LinkedHashSet<>(parts);
            for (int from = 1; from < parts.size() - 1; from++) {
                stacked.add(String.join("", parts.subList(from, parts.size())));
            }
            stacked.removeIf(part -> part.equalsIgnoreCase(term.toString()));
            pending.addAll(stacked);
            word = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        word = null;
    }
}
