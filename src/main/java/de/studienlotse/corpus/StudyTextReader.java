package de.studienlotse.corpus;

import static de.studienlotse.corpus.BrochureParser.BOLD_ITEM;
import static de.studienlotse.corpus.BrochureParser.clean;
import static de.studienlotse.corpus.BrochureParser.startsItem;

import de.studienlotse.corpus.Draft.Continuation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the study's own text, outside the cases: summary, introduction, method, Tabelle 1/2 with their counts, results,
 * conclusion and imprint. Paragraphs broken by a page end are joined again, a short "Label:" paragraph labels the next
 * one, and a list under a subheading or after a colon joins the paragraph it belongs to.
 */
final class StudyTextReader {

    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("einführung von ki-anwendungen in kmu", "zusammenfassung"),
            Map.entry("zusammenfassung", "zusammenfassung"),
            Map.entry("einleitung", "einleitung"),
            Map.entry("ausblick", "ausblick"),
            Map.entry("zielstellung der befragung", "zielstellung"),
            Map.entry("methodik", "methodik"),
            Map.entry("vorgehen auswertung", "auswertung"),
            Map.entry("ergebnisse", "ergebnisse"),
            Map.entry("herausforderungen, hemmnisse und erfolgsfaktoren", "tabelle-1"),
            Map.entry("fazit", "fazit"),
            Map.entry("impressum", "impressum"));

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("zusammenfassung", "Zusammenfassung"),
            Map.entry("einleitung", "Einleitung"),
            Map.entry("ausblick", "Ausblick"),
            Map.entry("zielstellung", "Zielstellung der Befragung"),
            Map.entry("methodik", "Methodik"),
            Map.entry("auswertung", "Vorgehen Auswertung"),
            Map.entry("ergebnisse", "Ergebnisse"),
            Map.entry("tabelle-1", "Tabelle 1: Aggregierte Herausforderungen"),
            Map.entry("tabelle-2", "Tabelle 2: Aggregierte Erfolgsfaktoren"),
            Map.entry("fazit", "Fazit"),
            Map.entry("impressum", "Impressum"));

    private static final Pattern TABLE_CATEGORY = Pattern.compile("<b>([^<]+?\\(\\d+ Nennungen\\))</b>\\s*(.*)");
    private static final Pattern ZZ_LINK = Pattern.compile("<b>(.+?)</b>\\t<a href=\"[^\"]*\">(.+?)</a>");
    private static final Pattern HYPHEN_BREAK = Pattern.compile(".*\\p{L}-$");

    /** Where the reader stands between two blocks; in AFTER_LABEL and IN_SHORT_LINES, {@link #held} is the draft. */
    private enum Position {
        /** Right under a heading: a bullet list here is the subheading's one passage. */
        AFTER_HEADING,
        /** After a short "Label:" paragraph: the next paragraph is its text. */
        AFTER_LABEL,
        /** In a run of one-line paragraphs (figures, an address) joined into one passage. */
        IN_SHORT_LINES,
        IN_TEXT
    }

    private final Map<String, List<Draft>> sections = new LinkedHashMap<>();
    private final TableCounts counts = new TableCounts();
    private String section = "impressum"; // the front matter (publisher, authors) belongs to the imprint
    private String subheading;
    private Position position = Position.IN_TEXT;
    private Draft held;

    StudyTextReader() {
        Study.STUDY_SECTIONS.forEach(id -> sections.put(id, new ArrayList<>()));
    }

    /** The study section a raw heading line starts ("### Fazit" → "fazit"), if it starts one. */
    static Optional<String> sectionStartedBy(String rawLine) {
        return rawLine.startsWith("#")
                ? Optional.ofNullable(HEADINGS.get(clean(rawLine).toLowerCase(Locale.GERMAN)))
                : Optional.empty();
    }

    /** A case interrupts the study's text: a label waiting for its text is dropped, the subheading ends. */
    void caseStarted() {
        subheading = null;
        if (position == Position.AFTER_LABEL) {
            position = Position.IN_TEXT;
            held = null;
        }
    }

    void read(Block block) {
        String first = block.first();
        if (first.startsWith("#")) {
            heading(first);
            return;
        }
        if (ZZ_LINK.matcher(first).matches()) {
            centreLinks(block);
            return;
        }
        if (clean(first).startsWith("Tabelle 2:")) {
            section = "tabelle-2";
        }
        if (TableCounts.isHeader(first)) {
            counts.startTable();
            if (block.size() == 1) {
                return;
            }
            block = block.rest();
            first = block.first();
        }
        Draft previous = lastDraft();
        boolean bullets = block.lines().stream().allMatch(l -> l.startsWith("- "));
        if (bullets && position == Position.AFTER_HEADING && subheading != null) {
            // a list directly under a subheading ("1. KI-Anwendung") reads as one unit
            position = Position.IN_TEXT;
            add(draft(subheading, String.join("\n", block.lines().stream()
                    .map(l -> "- " + clean(l).replaceFirst("^- ", "")).toList()), PassageKind.TEXT));
            return;
        }
        if (position == Position.AFTER_HEADING) {
            position = Position.IN_TEXT;
        }
        if (bullets && previous != null && previous.continuation == Continuation.LIST) {
            block.lines().forEach(l -> previous.append("\n" + clean(l.strip()).replaceFirst("^- ", "- ")));
            previous.continuation = Continuation.NONE;
            endShortLines();
            return;
        }
        if (position == Position.AFTER_LABEL) {
            Draft label = held;
            position = Position.IN_TEXT;
            held = null;
            if (!bullets && !startsItem(first)) {
                label.text = block.joined();
                add(label);
                return;
            }
            // otherwise the label stays without text and is dropped
        }
        if (block.size() == 1 && isShortLine(first)) {
            if (position == Position.IN_SHORT_LINES && held == previous) {
                held.append(" " + clean(first));
            } else {
                held = add(draft(subheading, clean(first), PassageKind.TEXT));
                held.continuation = Continuation.LIST;
                position = Position.IN_SHORT_LINES;
            }
            return;
        }
        endShortLines();
        if (previous != null && previous.continuation == Continuation.TEXT && !startsItem(first) && !bullets) {
            // a sentence broken by a page or column end continues in the next paragraph
            previous.text = HYPHEN_BREAK.matcher(previous.text).matches()
                    ? previous.text.substring(0, previous.text.length() - 1) + block.joined()
                    : previous.text + " " + block.joined();
            previous.continuation = previous.text.endsWith(":") ? Continuation.LIST : Continuation.NONE;
            return;
        }
        paragraph(block);
    }

    List<Section> sections() {
        List<Section> built = new ArrayList<>();
        sections.forEach((id, drafts) -> {
            if (!drafts.isEmpty()) {
                built.add(new Section(id, TITLES.get(id), Draft.number(null, id, drafts)));
            }
        });
        return built;
    }

    private void heading(String line) {
        String heading = clean(line);
        String started = HEADINGS.get(heading.toLowerCase(Locale.GERMAN));
        if (position == Position.AFTER_LABEL) {
            add(held); // a label with no text before the heading stands by itself
        }
        Draft previous = lastDraft();
        if (previous != null) {
            previous.continuation = Continuation.NONE;
        }
        if (started != null) {
            section = started;
            subheading = heading.equalsIgnoreCase(TITLES.get(started)) ? null : heading;
        } else {
            subheading = heading.replaceFirst(":$", "");
        }
        position = Position.AFTER_HEADING;
        held = null;
    }

    /** The list of the network's centres on the back cover, one "<b>name</b>\t<a …>site</a>" line each. */
    private void centreLinks(Block block) {
        section = "impressum";
        for (String line : block.lines()) {
            Matcher m = ZZ_LINK.matcher(line);
            if (m.matches()) {
                add(draft(m.group(1), m.group(1) + " – " + m.group(2), PassageKind.TEXT));
            }
        }
    }

    /** Lines of running text, bullets, table categories and counts, bold items; the last one may stay open. */
    private void paragraph(Block block) {
        Draft paragraph = null;
        for (String line : block.lines()) {
            String cleanLine = clean(line);
            Matcher category = TABLE_CATEGORY.matcher(line.strip());
            Matcher row = TableCounts.ROW.matcher(line.strip());
            if (category.matches()) {
                String label = clean(category.group(1));
                counts.category(section, label);
                paragraph = add(draft(label, clean(category.group(2)).replace(" ,", ","), PassageKind.BEST_PRACTICE));
            } else if (row.matches()) {
                paragraph = add(counts.row(row));
            } else if (line.startsWith("- ") || line.matches("\\d+\\. .*")) {
                String item = cleanLine.replaceFirst("^- ", "");
                String number = line.matches("\\d+\\. .*") ? line.substring(0, line.indexOf(' ') + 1) : "";
                Matcher bold = BOLD_ITEM.matcher(line.replaceFirst("^(- |\\d+\\. )", ""));
                paragraph = bold.matches() && !bold.group(2).isBlank()
                        ? add(draft(number + bold.group(1).replaceFirst(":$", ""), clean(bold.group(2)),
                                PassageKind.BEST_PRACTICE))
                        : add(draft(subheading, item, PassageKind.TEXT));
            } else if (line.startsWith("**") && labelledBold(line) != null) {
                Matcher bold = labelledBold(line);
                paragraph = add(draft(bold.group(1).replaceFirst(":$", ""), clean(bold.group(2)),
                        PassageKind.BEST_PRACTICE));
            } else if (paragraph != null && paragraph.kind == PassageKind.TEXT && !line.startsWith("- ")) {
                paragraph.append(" " + cleanLine);
            } else {
                paragraph = add(draft(subheading, cleanLine, PassageKind.TEXT));
            }
        }
        if (paragraph == null) {
            return;
        }
        String text = paragraph.text;
        boolean brokenOff = !text.matches("(?s).*[.!?:“\")]$") && paragraph.kind == PassageKind.TEXT
                && !block.last().strip().startsWith("- ") && !block.first().startsWith("**");
        paragraph.continuation = text.endsWith(":") ? Continuation.LIST
                : brokenOff ? Continuation.TEXT : Continuation.NONE;
        if (text.endsWith(":") && text.length() < 60 && block.size() == 1) {
            sections.get(section).remove(paragraph);
            held = draft(text.substring(0, text.length() - 1), null, PassageKind.TEXT);
            position = Position.AFTER_LABEL;
        }
    }

    private void endShortLines() {
        if (position == Position.IN_SHORT_LINES) {
            position = Position.IN_TEXT;
            held = null;
        }
    }

    private static boolean isShortLine(String line) {
        String c = clean(line);
        return c.length() < 90 && !c.matches(".*[.!?:]$") && !line.startsWith("**") && !line.startsWith("- ")
                && !TableCounts.ROW.matcher(line.strip()).matches() && !TABLE_CATEGORY.matcher(line.strip()).matches();
    }

    /** A bold "**Label:** text" line with text after the label, or {@code null}. */
    private static Matcher labelledBold(String line) {
        Matcher bold = BOLD_ITEM.matcher(line.strip());
        return bold.matches() && !bold.group(2).isBlank() ? bold : null;
    }

    private Draft draft(String label, String text, PassageKind kind) {
        Draft draft = new Draft(label, text, kind);
        draft.section = section;
        return draft;
    }

    private Draft add(Draft draft) {
        sections.get(draft.section).add(draft);
        return draft;
    }

    private Draft lastDraft() {
        List<Draft> drafts = sections.get(section);
        return drafts.isEmpty() ? null : drafts.getLast();
    }
}
