package de.studienlotse.advisor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The client firm as the advisor describes it in the brief form. All fields are free text; at least one of Branche,
 * Tätigkeit or Anliegen must be given.
 *
 * @param branche    the firm's industry, e.g. "Steuerberatung" or "Logistikunternehmen"
 * @param size       its size as the advisor puts it, e.g. "12 Mitarbeitende"
 * @param taetigkeit what it wants AI for: one of the study's Tätigkeiten ("Buchhaltung") or in own words
 *                   ("Eingangsrechnungen automatisch prüfen")
 * @param concerns   its concerns, e.g. "Datenschutz", "Akzeptanz im Team", "Kosten", "fehlendes Know-how"
 * @param notes      the advisor's notes on the firm; shown in the brief, never searched
 */
public record ClientProfile(String branche, String size, String taetigkeit, List<String> concerns, String notes) {

    static final int MAX_FIELD = 200;
    static final int MAX_CONCERN = 100;
    static final int MAX_CONCERNS = 8;
    static final int MAX_NOTES = 2000;

    public ClientProfile {
        branche = clean(branche);
        size = clean(size);
        taetigkeit = clean(taetigkeit);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        Set<String> unique = new LinkedHashSet<>();
        if (concerns != null) {
            for (String concern : concerns) {
                String c = clean(concern);
                if (c != null) unique.add(c);
            }
        }
        concerns = List.copyOf(unique);
    }

    /** Throws a 400 with a German detail naming every problem of the form at once. */
    ClientProfile validated() {
        List<String> problems = new ArrayList<>();
        if (branche == null && taetigkeit == null && concerns.isEmpty()) {
            problems.add("Bitte mindestens Branche, Tätigkeit oder ein Anliegen angeben – ein leeres Profil ergibt keinen Brief.");
        }
        tooLong("Branche", branche, MAX_FIELD, problems);
        tooLong("Größe", size, MAX_FIELD, problems);
        tooLong("Tätigkeit", taetigkeit, MAX_FIELD, problems);
        tooLong("Notizen", notes, MAX_NOTES, problems);
        if (concerns.size() > MAX_CONCERNS) {
            problems.add("Höchstens %d Anliegen, angegeben waren %d.".formatted(MAX_CONCERNS, concerns.size()));
        }
        concerns.forEach(c -> tooLong("Anliegen „" + c.substring(0, Math.min(20, c.length())) + "…“", c, MAX_CONCERN, problems));
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems));
        }
        return this;
    }

    private static void tooLong(String field, String value, int max, List<String> problems) {
        if (value != null && value.length() > max) {
            problems.add("%s ist zu lang (%d Zeichen, höchstens %d).".formatted(field, value.length(), max));
        }
    }

    private static String clean(String value) {
        if (value == null) return null;
        String collapsed = value.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }
}
