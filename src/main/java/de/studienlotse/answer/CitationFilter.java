package de.studienlotse.answer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks citation markers while text streams: {@code [3]} passes only if source 3 exists, {@code [2, 5]} becomes
 * {@code [2][5]}, a marker naming no source is dropped before it reaches anyone. What the client saw streaming is
 * therefore exactly the final text. A {@code [} is held back until its marker is complete. Not thread-safe: one per
 * answer.
 */
public final class CitationFilter {

    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d+(?:\\s*[-–]\\s*\\d+)?(?:\\s*[,;]\\s*\\d+(?:\\s*[-–]\\s*\\d+)?)*)\\s*]");
    private static final Pattern CANDIDATE = Pattern.compile("\\[[\\d\\s,;\\-–]*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
    private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\s*[-–]\\s*");
    /** Marks where a marker was dropped, so the space before it can go too ("Projektstruktur [9]." → "Projektstruktur."). */
    private static final char DROPPED = '\u0000';
    private static final Pattern TRAILING = Pattern.compile("[\\s\\u0000]+$");
    /** Held back at most: fits a list naming a dozen sources, "[1, 2, …, 12]", as a model may stream it token by token. */
    private static final int LONGEST_MARKER = 64;

    private final int sources;
    private final StringBuilder held = new StringBuilder();
    private String pendingSpace = "";
    private final Set<Integer> removed = new LinkedHashSet<>();

    CitationFilter(int sources) {
        this.sources = sources;
    }

    /** Text that is safe to emit now; may be empty while a marker is incomplete. */
    String accept(String delta) {
        held.append(delta);
        StringBuilder out = new StringBuilder();
        while (!held.isEmpty()) {
            int open = held.indexOf("[");
            if (open < 0) {
                out.append(held);
                held.setLength(0);
                break;
            }
            out.append(held, 0, open);
            held.delete(0, open);
            int close = held.indexOf("]");
            if (close < 0) {
                if (CANDIDATE.matcher(held).matches() && held.length() < LONGEST_MARKER) {
                    break; // wait for the rest of the marker
                }
                out.append(held.charAt(0));
                held.deleteCharAt(0);
                continue;
            }
            String candidate = held.substring(0, close + 1);
            Matcher marker = MARKER.matcher(candidate);
            out.append(marker.matches() ? valid(marker.group(1)) : candidate.substring(0, 1));
            held.delete(0, marker.matches() ? close + 1 : 1);
        }
        // spaces at the end wait for what follows: a dropped marker before a full stop takes its space with it
        String combined = pendingSpace + out;
        Matcher tail = TRAILING.matcher(combined);
        pendingSpace = tail.find() ? tail.group() : "";
        return tidy(combined.substring(0, combined.length() - pendingSpace.length()));
    }

    /** Whatever is still held at the end of the stream. */
    String flush() {
        String rest = tidy(pendingSpace + held);
        held.setLength(0);
        pendingSpace = "";
        return rest;
    }

    private static String tidy(String text) {
        return SPACE_DROPPED_BEFORE_PUNCTUATION.matcher(text).replaceAll("")
                .transform(t -> DROPPED_BETWEEN_SPACES.matcher(t).replaceAll("$1"))
                .replace(String.valueOf(DROPPED), "");
    }

    private static final Pattern SPACE_DROPPED_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]*\\u0000+(?=[.,;:!?)]|$)");
    private static final Pattern DROPPED_BETWEEN_SPACES = Pattern.compile("([ \\t])\\u0000+[ \\t]+");

    /** Source numbers that were named but do not exist. */
    Set<Integer> removed() {
        return Set.copyOf(removed);
    }

    private String valid(String numbers) {
        StringBuilder out = new StringBuilder();
        Set<Integer> seen = new LinkedHashSet<>();
        java.util.List<String> expanded = new java.util.ArrayList<>();
        for (String item : LIST_SEPARATOR.split(numbers)) {
            String[] range = RANGE_SEPARATOR.split(item.strip());
            if (range.length == 2 && range[0].length() <= 3 && range[1].length() <= 3) {
                int from = Integer.parseInt(range[0]);
                int to = Integer.parseInt(range[1]);
                for (int i = from; i <= Math.min(to, from + 20); i++) expanded.add(String.valueOf(i));
            } else {
                expanded.add(range[0]);
            }
        }
        for (String number : expanded) {
            String digits = number.strip().replaceFirst("^0+(?=\\d)", "");
            // more digits than an int holds: no source has that number (a phone number in brackets, say)
            int n = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (n >= 1 && n <= sources) {
                if (seen.add(n)) out.append('[').append(n).append(']');
            } else {
                removed.add(n);
            }
        }
        return out.isEmpty() ? String.valueOf(DROPPED) : out.toString();
    }

    /** Turns a whole text through a fresh filter: what the streamed tokens add up to. */
    public static String check(String text, int sources) {
        CitationFilter filter = new CitationFilter(sources);
        return filter.accept(text) + filter.flush();
    }
}
