package de.studienlotse.corpus;

import static de.studienlotse.corpus.BrochureParser.BOLD_ITEM;
import static de.studienlotse.corpus.BrochureParser.STEP;
import static de.studienlotse.corpus.BrochureParser.clean;
import static de.studienlotse.corpus.BrochureParser.startsItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one case (a Fall), block by block from its "Best Practice zur KI-Einführung in einem KMU" heading to the next
 * case or study heading: the header (Branche, Tätigkeit, KI-Anwendung), description, goal, interaction, process steps
 * with the Eckdaten printed beside them, challenges, collaboration, success factors, tips and quotes.
 *
 * <p>The current section decides how a paragraph reads: running text in the first three, steps and check-mark facts in
 * the process, "Label: text" items (bold, plain or a heading followed by its text) in the rest.
 */
final class CaseReader {

    private static final Pattern CASE_HEADER = Pattern.compile("(?:Branche: *(.+?) *\\| *)?Tätigkeit: *(.+)");
    private static final Pattern APPLICATION = Pattern.compile("KI-Anwendung: *(.+)");
    /** A plain "Label: text" line; the label is short and has no sentence punctuation ("Nutzer:innen" is no label). */
    private static final Pattern PLAIN_ITEM = Pattern.compile("([A-ZÄÖÜ][^:.!?\"„]{1,50}): +(\\S.*)");
    private static final String DURATION = "Dauer der Einführung:";

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("beschreibung", "Beschreibung"),
            Map.entry("ziel", "Ziel"),
            Map.entry("interaktion", "Interaktion mit der KI-Anwendung"),
            Map.entry("prozess", "Prozess | KI-Einführung"),
            Map.entry("eckdaten", "Eckdaten"),
            Map.entry("herausforderungen", "Herausforderungen | KI-Einführung"),
            Map.entry("zusammenarbeit", "Zusammenarbeit der Teams"),
            Map.entry("erfolgsfaktoren", "Erfolgsfaktoren | KI-Einführung"),
            Map.entry("tipps", "Tipps für andere Unternehmen"),
            Map.entry("zitat", "Zitat"));

    private final Function<Activity, String> numbering;
    private final Map<String, List<Draft>> sections = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> printedFacts = new ArrayList<>();

    private String id;
    private Activity activity;
    private String branche;
    private String application;
    private String duration;

    private String section = "beschreibung";
    private String sectionLabel;
    /** A subheading such as "In der Pilotphase" that prefixes the labels of the items below it. */
    private String group;
    /** A label ("Externe Unterstützung:") whose text is the next paragraph. */
    private Draft labelAwaitingText;
    /** A process step printed as a heading, whose body is the next paragraph. */
    private Draft stepAwaitingBody;
    /** "Dauer der Einführung:" printed alone: the next paragraph that is no header or section is the duration. */
    private boolean durationNext;

    /** @param numbering the case's id from its Tätigkeit ("B" + the running number of Buchhaltung cases) */
    CaseReader(Function<Activity, String> numbering) {
        this.numbering = numbering;
        Study.CASE_SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
    }

    void read(Block block) {
        String first = block.first();
        String heading = clean(first);
        Matcher header = CASE_HEADER.matcher(heading);
        if (activity == null && header.matches()) {
            branche = header.group(1);
            activity = Activity.parse(header.group(2).strip())
                    .orElseThrow(() -> new IllegalStateException("unknown Tätigkeit: " + header.group(2)));
            id = numbering.apply(activity);
            return;
        }
        Matcher applicationTitle = APPLICATION.matcher(heading);
        if (application == null && applicationTitle.matches()) {
            application = applicationTitle.group(1).strip();
            return;
        }
        String started = sectionStartedBy(heading);
        if (started != null && (first.startsWith("#") || block.size() == 1 && heading.endsWith(":")
                || started.equals("prozess") || started.equals("herausforderungen")
                || started.equals("erfolgsfaktoren"))) {
            enter(started, heading);
            if (block.size() > 1) {
                paragraph(block.rest());
            }
            return;
        }
        if (heading.startsWith(DURATION)) {
            String rest = heading.substring(DURATION.length()).strip();
            List<String> more = block.rest().lines().stream().map(BrochureParser::clean).toList();
            String printed = (rest + " " + String.join(" ", more)).strip();
            durationNext = printed.isEmpty();
            if (!printed.isEmpty()) {
                duration(printed);
            }
            return;
        }
        if (durationNext) {
            duration(block.joined());
            durationNext = false;
            return;
        }
        if (first.startsWith("#") && !(section.equals("prozess") && STEP.matcher(heading).matches())) {
            subheading(heading);
            return;
        }
        paragraph(block);
    }

    CaseStudy build() {
        flushLabel();
        List<Section> built = new ArrayList<>();
        sections.forEach((sectionId, drafts) -> {
            if (!drafts.isEmpty()) {
                built.add(new Section(sectionId, titles.getOrDefault(sectionId, TITLES.get(sectionId)),
                        Draft.number(id, sectionId, drafts)));
            }
        });
        return new CaseStudy(id, activity, branche, application, facts(), built);
    }

    /** The case section a heading starts, spelled as the brochure varies it, or {@code null}. */
    private static String sectionStartedBy(String heading) {
        String h = heading.toLowerCase(Locale.GERMAN);
        if (h.equals("beschreibung:")) return "beschreibung";
        if (h.equals("ziel:")) return "ziel";
        if (h.startsWith("wer interag") || h.startsWith("wie interagieren")) return "interaktion";
        if (h.startsWith("prozess | ki-einführung")) return "prozess";
        if (h.startsWith("herausforderungen | ki-einführung")) return "herausforderungen";
        if (h.startsWith("erfolgsfaktoren | ki-einführung")) return "erfolgsfaktoren";
        if (h.startsWith("zusammenarbeit der teams")) return "zusammenarbeit";
        if (h.matches("tipps? für .*|tipp's für .*")) return "tipps";
        return null;
    }

    private void enter(String sectionId, String heading) {
        flushLabel();
        section = sectionId;
        sectionLabel = heading.replaceFirst(":$", "");
        titles.putIfAbsent(sectionId, sectionLabel);
        group = null;
    }

    private void subheading(String heading) {
        flushLabel();
        String label = heading.replaceFirst(":$", "").strip();
        if (!heading.endsWith(":")) {
            // "Trial and Error": a label that is a best practice by itself
            add(section, new Draft(label, null, PassageKind.BEST_PRACTICE));
            return;
        }
        labelAwaitingText = new Draft(label, null, PassageKind.BEST_PRACTICE);
    }

    /** A label that got no text stands by itself. */
    private void flushLabel() {
        if (labelAwaitingText != null) {
            add(section, labelAwaitingText);
            labelAwaitingText = null;
        }
    }

    private void duration(String text) {
        duration = text;
        add("eckdaten", new Draft("Dauer der Einführung", text, PassageKind.FACT));
    }

    private void paragraph(Block block) {
        String first = block.first();
        if (section.equals("beschreibung") || section.equals("ziel") || section.equals("interaktion")) {
            String label = section.equals("interaktion") ? sectionLabel : null;
            add(section, new Draft(label, block.joined(), PassageKind.TEXT));
            return;
        }
        if (section.equals("prozess")) {
            processParagraph(block);
            return;
        }
        if (labelAwaitingText != null) {
            boolean plain = PLAIN_ITEM.matcher(clean(first)).matches();
            if (!startsItem(first) && plain && block.size() == 1) {
                // "In der Pilotphase:" followed by labelled items: a group heading, not a label
                group = labelAwaitingText.label;
                labelAwaitingText = null;
            } else if (!startsItem(first) && !plain) {
                labelAwaitingText.text = block.joined();
                add(section, labelAwaitingText);
                labelAwaitingText = null;
                return;
            } else {
                flushLabel();
            }
        }
        if (isQuote(first)) {
            quotes(block);
            return;
        }
        items(block);
    }

    /** Quotes go to "zitat", except where a tips section opens with one (P4). A line without opening mark continues. */
    private void quotes(Block block) {
        String target = sections.get(section).isEmpty() && section.equals("tipps") ? "tipps" : "zitat";
        Draft quote = null;
        for (String line : block.lines()) {
            if (quote == null || isQuote(line)) {
                quote = add(target, new Draft(null, clean(line), PassageKind.QUOTE));
            } else {
                quote.append(" " + clean(line));
            }
        }
    }

    /** One item per bold or plain "Label: text" line; other lines continue the item above them. */
    private void items(Block block) {
        Draft item = null;
        for (int i = 0; i < block.size(); i++) {
            String strip = block.lines().get(i).strip();
            Matcher bold = BOLD_ITEM.matcher(strip);
            Matcher plain = PLAIN_ITEM.matcher(clean(strip));
            if (strip.startsWith("**") && bold.matches()) {
                String label = bold.group(1).strip().replaceFirst(":$", "");
                String text = clean(bold.group(2));
                item = add(section, new Draft(grouped(label), text.isEmpty() ? null : text, PassageKind.BEST_PRACTICE));
                if (text.isEmpty() && bold.group(1).strip().endsWith(":") && block.size() == 1) {
                    // "**Externe Unterstützung:**" alone: its text is the next paragraph
                    sections.get(section).remove(item);
                    labelAwaitingText = item;
                    item = null;
                }
            } else if (plain.matches() && !strip.startsWith("-")) {
                item = add(section, new Draft(grouped(plain.group(1)), plain.group(2), PassageKind.BEST_PRACTICE));
            } else if (item != null && i > 0) {
                item.append(" " + clean(strip));
            } else {
                item = add(section, new Draft(null, clean(strip), PassageKind.TEXT));
            }
        }
    }

    private String grouped(String label) {
        return group == null ? label.strip() : group + " – " + label.strip();
    }

    /** Process steps (numbered, or a bold unnumbered part), a step heading's body, or an Eckdaten fact. */
    private void processParagraph(Block block) {
        String raw = block.first();
        String first = clean(raw);
        Matcher step = STEP.matcher(first);
        if (step.matches()) {
            Draft draft;
            stepAwaitingBody = null;
            if (raw.startsWith("#") || raw.startsWith("**") || block.size() > 1) {
                draft = new Draft("Schritt " + step.group(1) + ": " + step.group(2).strip(), null, PassageKind.STEP);
                if (block.size() > 1) {
                    draft.text = block.rest().joined();
                } else {
                    stepAwaitingBody = draft;
                }
            } else {
                // "Schritt 5: Eingliederung in den Arbeitsalltag Mitarbeitende wurden ...": title and body in one line
                draft = new Draft("Schritt " + step.group(1), step.group(2).strip(), PassageKind.STEP);
            }
            draft.step = Integer.parseInt(step.group(1));
            add("prozess", draft);
            return;
        }
        if (raw.startsWith("**") && raw.strip().endsWith("**") && block.size() > 1) {
            // "**Begleitende Transformationsmaßnahmen**": an unnumbered part of the process
            add("prozess", new Draft(first, block.rest().joined(), PassageKind.STEP));
            stepAwaitingBody = null;
            return;
        }
        if (stepAwaitingBody != null && !isFact(raw)) {
            stepAwaitingBody.text = block.joined();
            stepAwaitingBody = null;
            return;
        }
        String fact = block.joined();
        printedFacts.add(fact);
        String text = fact.replaceFirst("^[☒☐✓]\\s*", "");
        String label = fact.startsWith("☐") ? "Nicht angekreuzt" : null;
        add("eckdaten", new Draft(label, text, PassageKind.FACT));
    }

    private static boolean isFact(String line) {
        return line.startsWith("☒") || line.startsWith("☐") || line.startsWith("✓");
    }

    private static boolean isQuote(String line) {
        String s = clean(line);
        return s.startsWith("\"") || s.startsWith("„") || s.startsWith("“");
    }

    private Draft add(String sectionId, Draft draft) {
        sections.get(sectionId).add(draft);
        return draft;
    }

    /** The check-mark facts as values; an unchecked box (☐) or "kein Betriebsrat" is false, an absent fact null. */
    private CaseFacts facts() {
        Boolean external = null;
        Boolean council = null;
        Boolean documentation = null;
        Boolean guideline = null;
        String further = null;
        for (String fact : printedFacts) {
            boolean unchecked = fact.startsWith("☐");
            String lower = fact.toLowerCase(Locale.GERMAN);
            if (lower.contains("externe unterstützung")) external = !unchecked;
            if (lower.contains("betriebsrat") || lower.contains("mitarbeitendenvertretung")) {
                council = !unchecked && !lower.startsWith("kein");
            }
            if (lower.contains("dokumentation")) documentation = !unchecked;
            if (lower.contains("leitfaden")) guideline = !unchecked;
            if (lower.matches(".*(ki-anwendungen|ki tools|ki-tools|module).*")) {
                further = fact.replaceFirst("^[☒☐✓]\\s*", "");
            }
        }
        return new CaseFacts(duration, external, council, documentation, guideline, further, printedFacts);
    }
}
