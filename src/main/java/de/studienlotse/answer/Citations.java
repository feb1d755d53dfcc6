package de.studienlotse.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The citations of a checked text: the sources its {@code [n]} markers name, in order of first use. */
final class Citations {

    /** At most nine digits: a longer number is no source's and would not parse as an int. */
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,9})]");

    private Citations() {
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
