package de.studienlotse.corpus;

import java.util.Optional;

/** The Tätigkeit a case belongs to; the letter is the prefix of its case ids (B1, K3, P4). */
public enum Activity {
    BUCHHALTUNG("Buchhaltung", "B"),
    KUNDENBERATUNG("Kundenberatung", "K"),
    KAPAZITAETSPLANUNG("Kapazitätsplanung", "P");

    private final String label;
    private final String idPrefix;

    Activity(String label, String idPrefix) {
        this.label = label;
        this.idPrefix = idPrefix;
    }

    /** The study's own spelling, e.g. "Kapazitätsplanung". */
    public String label() {
        return label;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** Accepts "Kapazitätsplanung", "kapazitaetsplanung", "KAPAZITAETSPLANUNG" or "P". */
    public static Optional<Activity> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = fold(text);
        for (Activity activity : values()) {
            if (fold(activity.label).equals(wanted) || fold(activity.name()).equals(wanted)
                    || activity.idPrefix.equalsIgnoreCase(wanted)) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }

    private static String fold(String text) {
        return GermanFold.fold(text.strip());
    }
}
