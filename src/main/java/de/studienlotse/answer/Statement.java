package de.studienlotse.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One sentence (or list item) of an answer with how far the passages it cites carry it.
 *
 * @param text    the sentence as it stands in the answer's Markdown: {@code answer.substring(start, end)}
 * @param start   UTF-16 offset of its first character in the answer text
 * @param end     offset after its last character
 * @param sources the source numbers it cites (or, for a sentence of a quoted passage, the marker closing the item)
 * @param status  whether its content words are found in those passages
 */
public record Statement(String text, int start, int end, List<Integer> sources, Support status) {

    public Statement {
        sources = List.copyOf(sources);
    }

    /** How much of a statement's content the cited passages hold. */
    public enum Support {
        /** Its content words (after the German analysis) are in the cited passages. */
        SUPPORTED,
        /** Some of them are, others are not: read the passage. */
        PARTLY,
        /** It cites nothing, or its passages do not hold what it says. */
        UNSUPPORTED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
