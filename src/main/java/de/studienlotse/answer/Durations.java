package de.studienlotse.answer;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a printed duration ("3-4 Monate", "ca. 18 Monate inkl. Testphase", "2 Wochen") as months, to compare cases. */
final class Durations {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:,\\d+)?)(?:\\s*-\\s*(\\d+(?:,\\d+)?))?\\s*(Woche|Monat|Jahr)");

    private Durations() {
    }

    /** The first stated duration in months, its upper bound for ranges; empty for "mehrere Monate". */
    static OptionalDouble months(String printed) {
        Matcher m = AMOUNT.matcher(printed);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        double amount = Double.parseDouble((m.group(2) != null ? m.group(2) : m.group(1)).replace(',', '.'));
        return OptionalDouble.of(switch (m.group(3)) {
            case "Woche" -> amount / 4.33;
            case "Jahr" -> amount * 12;
            default -> amount;
        });
    }
}
