package de.studienlotse.answer;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a printed duration ("3-4 Monate", "ca. 18 Monate inkl. Testphase", "2 Wochen") as months, to compare cases. */
final class Durations {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:,\\d+)?)(?:\\s*-\\s*(\\d+(?:,\\d+)?))?\\s*(Woche|Monat|Jahr)");

    private Durations() {
    }

    private static final Pattern LIMIT = Pattern.compile("(?i)(weniger als|unter|kürzer als|höchstens|maximal|bis zu|"
            + "less than|under|shorter than|at most|within|innerhalb von|innerhalb|mehr als|über|länger als|mindestens|"
            + "more than|over|longer than|at least)\\s+(\\d+(?:,\\d+)?|ein|eine|einem|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
            + "one|a|an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(woche|monat|jahr|week|month|year)");
    private static final java.util.Map<String, Double> NUMBERS = java.util.Map.ofEntries(
            java.util.Map.entry("ein", 1.0), java.util.Map.entry("eine", 1.0), java.util.Map.entry("einem", 1.0),
            java.util.Map.entry("einen", 1.0), java.util.Map.entry("einer", 1.0), java.util.Map.entry("one", 1.0),
            java.util.Map.entry("a", 1.0), java.util.Map.entry("an", 1.0), java.util.Map.entry("zwei", 2.0),
            java.util.Map.entry("two", 2.0), java.util.Map.entry("drei", 3.0), java.util.Map.entry("three", 3.0),
            java.util.Map.entry("vier", 4.0), java.util.Map.entry("four", 4.0), java.util.Map.entry("fünf", 5.0),
            java.util.Map.entry("five", 5.0), java.util.Map.entry("sechs", 6.0), java.util.Map.entry("six", 6.0),
            java.util.Map.entry("sieben", 7.0), java.util.Map.entry("seven", 7.0), java.util.Map.entry("acht", 8.0),
            java.util.Map.entry("eight", 8.0), java.util.Map.entry("neun", 9.0), java.util.Map.entry("nine", 9.0),
            java.util.Map.entry("zehn", 10.0), java.util.Map.entry("ten", 10.0), java.util.Map.entry("elf", 11.0),
            java.util.Map.entry("eleven", 11.0), java.util.Map.entry("zwölf", 12.0), java.util.Map.entry("twelve", 12.0));

    /** A limit asked for: "weniger als zwei Monate" is (below, 2.0 months). */
    record Limit(boolean below, double months) {
        boolean accepts(double value) {
            return below ? value < months + 1e-9 : value > months - 1e-9;
        }
    }

    static java.util.Optional<Limit> limit(String question) {
        Matcher m = LIMIT.matcher(question);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        String word = m.group(2).toLowerCase(java.util.Locale.GERMAN);
        double amount = NUMBERS.containsKey(word) ? NUMBERS.get(word) : Double.parseDouble(word.replace(',', '.'));
        String unit = m.group(3).toLowerCase(java.util.Locale.ROOT);
        double months = unit.startsWith("w") ? amount / 4.33 : unit.startsWith("j") || unit.startsWith("y") ? amount * 12 : amount;
        boolean below = m.group(1).toLowerCase(java.util.Locale.GERMAN).matches("weniger als|unter|kürzer als|höchstens|maximal|bis zu|less than|under|shorter than|at most|within|innerhalb von|innerhalb");
        return java.util.Optional.of(new Limit(below, months));
    }

    private static final String NUMBER_WORDS = "ein|eine|einem|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|"
            + "zehn|elf|zwölf|one|a|an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    /** "drei Monate", "3 Monaten", "dreimonatige", "two weeks": a duration as a figure in running text. */
    private static final Pattern STATED = Pattern.compile("(?iu)\\b(\\d+(?:,\\d+)?|" + NUMBER_WORDS + ")[\\s-]*"
            + "(wöchig|woche|monatig|monat|jährig|jahr|week|month|year)(e|en|er|es|em|n|s)?\\b");

    /**
     * Every duration a text states, in months: "eine dreimonatige Pilotphase" and "über drei Monate" both state 3.
     * A limit ("höchstens drei Monate") is a condition, not a statement: {@link #limit}.
     */
    static java.util.Set<Double> stated(String text) {
        java.util.Set<Double> found = new java.util.TreeSet<>();
        Matcher m = STATED.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(java.util.Locale.GERMAN);
            double amount = NUMBERS.containsKey(word) ? NUMBERS.get(word) : Double.parseDouble(word.replace(',', '.'));
            String unit = m.group(2).toLowerCase(java.util.Locale.GERMAN);
            found.add(unit.startsWith("w") ? Math.round(amount / 4.33 * 100) / 100.0
                    : unit.startsWith("j") || unit.startsWith("y") ? amount * 12 : amount);
        }
        return found;
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
