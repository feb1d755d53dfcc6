package de.studienlotse.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The citations of a checked text: the sources its {@code [n]} markers name, in order of first use. */
final class Citations {

    private static final Pattern MARKER = CitationMarkers.PATTERN;

    private Citations() {
    }

    /** A text whose markers count 1, 2, 3 … in reading order, and its sources numbered to match. */
    record Renumbered(String text, List<Source> sources) {
    }

    /**
     * Renumbers a checked text's markers by first use ("[3] … [1] … [3]" becomes "[1] … [2] … [1]") and the sources
     * with them: the cited ones first, in that order, then the others, so a reader meets 1..n in order.
     */
    static Renumbered renumber(String checkedText, List<Source> sources) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(checkedText);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= sources.size()) {
                numbers.putIfAbsent(n, numbers.size() + 1);
            }
        }
        for (int n = 1; n <= sources.size(); n++) {
            numbers.putIfAbsent(n, numbers.size() + 1);
        }
        String text = MARKER.matcher(checkedText).replaceAll(r -> {
            Integer to = numbers.get(Integer.parseInt(r.group(1)));
            return to == null ? r.group() : "[" + to + "]";
        });
        Source[] renumbered = new Source[sources.size()];
        numbers.forEach((from, to) -> renumbered[to - 1] = sources.get(from - 1).numbered(to));
        return new Renumbered(text, List.of(renumbered));
    }

    static List<Citation> of(String checkedText, List<Source> sources) {
        Set<Integer> used = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(checkedText);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= sources.size()) {
                used.add(n);
            }
        }
        List<Citation> citations = new ArrayList<>();
        used.forEach(n -> citations.add(sources.get(n - 1).citation()));
        return citations;
    }
}
