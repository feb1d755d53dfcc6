package de.studienlotse.answer;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words the answer package writes around the study's quotes (the offline answer's frame, the abstention, the
 * notices), in German and English, from {@code messages/answer_de.properties} and {@code messages/answer_en.properties}.
 * Each text is a {@link String#format} pattern ({@code %s}, {@code %d}, {@code %2$s} where the languages order the parts
 * differently; a literal percent sign is {@code %%}). The properties files are read as UTF-8, as
 * {@link java.util.PropertyResourceBundle} does since Java 9.
 *
 * <p>NOTE: no fallback between the languages or to the JVM's locale: a key missing in one file fails with
 * {@link java.util.MissingResourceException} ({@code TextsTests} checks both files hold the same keys).
 */
final class Texts {

    static final String BUNDLE = "messages.answer";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * Both bundles, read once when the class is loaded (at start-up: {@link AnswerService} loads them): an answer then
     * neither reads a file on the thread it runs on, an event loop offline, nor pays {@code getBundle}'s cache lookup.
     */
    private static final ResourceBundle GERMAN = ResourceBundle.getBundle(BUNDLE, Locale.GERMAN, NO_FALLBACK);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK);

    private Texts() {
    }

    static String text(Language language, String key, Object... args) {
        return bundle(language).getString(key).formatted(args);
    }

    static ResourceBundle bundle(Language language) {
        return language == Language.EN ? ENGLISH : GERMAN;
    }
}
