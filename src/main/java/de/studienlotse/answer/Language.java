package de.studienlotse.answer;

import java.util.Locale;
import java.util.Set;

/** The language a question is asked in; the study itself is German, so German is the default. */
enum Language {
    DE, EN;

    private static final Set<String> ENGLISH = Set.of("the", "what", "which", "how", "did", "does", "do", "was",
            "were", "is", "are", "of", "and", "for", "with", "who", "why", "when", "where", "there", "their", "they",
            "any", "many", "much", "long", "companies", "company", "cases", "case", "study", "in", "to", "an", "it");
    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "wie", "welche", "welcher", "was",
            "ist", "sind", "hat", "haben", "bei", "mit", "für", "den", "dem", "ein", "eine", "gab", "es", "wer", "wo",
            "warum", "lange", "viele", "nicht", "auch", "im", "zu", "von", "ich", "wir", "man", "sie");

    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");

    /** Counts function words; ties go to German. */
    static Language of(String text) {
        int en = 0;
        int de = 0;
        for (String word : NOT_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (ENGLISH.contains(word)) en++;
            if (GERMAN.contains(word)) de++;
        }
        return en > de ? EN : DE;
    }
}
