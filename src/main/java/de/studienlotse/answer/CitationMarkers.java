package de.studienlotse.answer;

import java.util.regex.Pattern;

/**
 * The one grammar of a citation marker: {@code [n]}, n of one to nine digits (a longer number is no source's and would
 * not parse as an int). Every Java pattern for markers is built from it, and the widget and the Werkbank read the same
 * expression from {@code static/answer-markup.js} ({@code CitationMarkersTests} pins the two together).
 */
public final class CitationMarkers {

    /** A marker with its number as group 1; valid in Java and, unchanged, in a JavaScript {@code RegExp}. */
    public static final String REGEX = "\\[(\\d{1,9})]";
    /** A marker without a capturing group, to embed in larger patterns. */
    public static final String UNGROUPED = "\\[\\d{1,9}]";
    public static final Pattern PATTERN = Pattern.compile(REGEX);

    private CitationMarkers() {
    }
}
