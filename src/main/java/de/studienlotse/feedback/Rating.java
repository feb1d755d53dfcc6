package de.studienlotse.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Thumbs up or down, written {@code "up"} and {@code "down"} in the API, the database and exports. */
public enum Rating {
    UP, DOWN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "up"} or {@code "down"}, in any case and with surrounding blanks. */
    static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "up" -> Optional.of(UP);
            case "down" -> Optional.of(DOWN);
            default -> Optional.empty();
        };
    }
}
