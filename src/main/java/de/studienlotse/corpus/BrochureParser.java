package de.studienlotse.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the brochure's text (a Markdown-like PDF extraction) into a {@link Study}.
 *
 * <p>The extraction is irregular: heading levels vary from case to case, labels are bold ({@code **Label:** text}),
 * headings ({@code ##### Externe Unterstützung:}) or plain ({@code Feedbackrunden: Regelmäßig durchführen.}), process
 * steps are printed out of order, and check-mark facts lost their box in some cases. The parser therefore reads
 * structure from wording ("Schritt 2:", "Erfolgsfaktoren | KI-Einführung") rather than from heading levels.
 */
public final class BrochureParser {

    /**
     * Lines that carry no content of the study: page headers, the table of contents, logo captions, a picture link and
     * table column headers (their meaning is carried by the row labels). Compared after {@link #normalize}.
     */
    static final List<Pattern> IGNORED = List.of(
            // running page headers
            Pattern.compile("best practices - einführung von ki-anwendungen in kmu"),
            Pattern.compile("best practices zur ki-einführung in kmu"),
            Pattern.compile("hintergrund \\| methodik"),
            Pattern.compile("studie 02"),
            Pattern.compile("best practice zur ki-einführung in einem kmu"),
            // table of contents: title line and "entry<TAB>page"
            Pattern.compile("studie 02 best practices - einführung von ki-anwendungen in kmu"),
            Pattern.compile(".*\\p{L}\\t\\d+"),
            // logo captions (front and back cover)
            Pattern.compile("gefördert durch:"),
            Pattern.compile("bundesministerium|für arbeit und soziales|kofinanziert von der|europäischen union"),
            Pattern.compile("staatsministerium|für wirtschaft, arbeit|energie und klimaschutz|freistaat|sachsen"),
            Pattern.compile("das zza wird umgesetzt von:|arbeit und|leben|atb arbeit, technik|und bildung ggmbh"),
            Pattern.compile("rkw|kompetenzzentrum|universität stuttgart|institut für arbeitswissenschaft und"),
            Pattern.compile("technologiemanagement iat"),
            // a picture link (the map of federal states) and the tables' column headers
            Pattern.compile("<https?://.*>"),
            Pattern.compile("herausforderung +hemmnis identifiziert \\(studie 2\\) \\(genannt nach erfahrung\\)"),
            Pattern.compile("erfolgsfaktor identifiziert \\(studie 2\\) \\(genannt nach erfahrung\\)"),
            Pattern.compile("buchhaltung 7 teilnehmende\\tkundenberatung 7 teilnehmende.*"));

    private static final Pattern CASE_START = Pattern.compile("Best Practice zur KI-Einführung in einem KMU");
    private static final Pattern CASE_HEADER = Pattern.compile("(?:Branche: *(.+?) *\\| *)?Tätigkeit: *(.+)");
    private static final Pattern APPLICATION = Pattern.compile("KI-Anwendung: *(.+)");
    private static final Pattern STEP = Pattern.compile("Schritt (\\d+): *(.*)");
    private static final Pattern BOLD_ITEM = Pattern.compile("\\*\\*(.+?)\\*\\*:?\\s*(.*)");
    /** A plain "Label: text" line; the label is short and has no sentence punctuation ("Nutzer:innen" is no label). */
    private static final Pattern PLAIN_ITEM = Pattern.compile("([A-ZÄÖÜ][^:.!?\"„]{1,50}): +(\\S.*)");
    private static final Pattern TABLE_CATEGORY = Pattern.compile("<b>([^<]+?\\(\\d+ Nennungen\\))</b>\\s*(.*)");
    private static final Pattern TABLE_COUNTS = Pattern.compile("(\\d+)\\t(\\d+)\\t(\\d+)\\t?(.*)");
    private static final Pattern ZZ_LINK = Pattern.compile("<b>(.+?)</b>\\t<a href=\"[^\"]*\">(.+?)</a>");
    private static final Pattern HYPHEN_BREAK = Pattern.compile(".*\\p{L}-$");

    private static final Map<String, String> STUDY_HEADINGS = Map.ofEntries(
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

    private static final Map<String, String> STUDY_TITLES = Map.ofEntries(
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

    private static final Map<String, String> CASE_TITLES = Map.ofEntries(
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

    private BrochureParser() {
    }

    public static Study parse(String brochure) {
        return new Run(brochure).parse();
    }

    /** Lower case, markup removed, whitespace collapsed (tabs kept): how lines are compared with {@link #IGNORED}. */
    static String normalize(String line) {
        return clean(line).toLowerCase(Locale.GERMAN).replaceAll("[ \\u00a0]+", " ").strip();
    }

    /** Whether a raw line is the heading that starts a case ("## Best Practice zur KI-Einführung in einem KMU"). */
    public static boolean startsCase(String rawLine) {
        return rawLine.startsWith("#") && CASE_START.matcher(clean(rawLine)).matches();
    }

    /** The study section a raw heading line starts ("### Fazit" → "fazit"), if it starts one. */
    public static java.util.Optional<String> studySectionStartedBy(String rawLine) {
        return rawLine.startsWith("#")
                ? java.util.Optional.ofNullable(STUDY_HEADINGS.get(clean(rawLine).toLowerCase(Locale.GERMAN)))
                : java.util.Optional.empty();
    }

    static boolean isIgnored(String line) {
        String normalized = normalize(line);
        return IGNORED.stream().anyMatch(p -> p.matcher(normalized).matches());
    }

    /** Removes Markdown heading marks, bold/italic stars and HTML tags, keeps the words. */
    static String clean(String line) {
        String s = line.replace("&amp;", "&").strip();
        s = s.replaceFirst("^#+\\s*", "");
        s = s.replace("**", "");
        s = s.replaceAll("</?[a-z]+(\\s[^>]*)?>", "");
        s = s.replace("*", "");
        return s.strip();
    }

    /** One pass over the text; mutable state stays inside. */
    private static final class Run {

        private final List<String> lines;
        private final List<CaseBuilder> cases = new ArrayList<>();
        private final Map<String, List<Draft>> study = new LinkedHashMap<>();
        private final Map<Activity, Integer> counters = new EnumMap<>(Activity.class);
        private final List<String> tableOneCategories = new ArrayList<>();
        private final List<String> tableTwoCategories = new ArrayList<>();

        private CaseBuilder current;
        private String studySection = "impressum"; // the front matter (publisher, authors) belongs to the imprint
        private String subheading;
        private int countsTable;
        private int countsRow;
        private Draft pending; // a label waiting for its text in the next paragraph
        private Draft lastShort; // a run of short lines (figures, addresses) being joined
        private boolean afterHeading;

        Run(String text) {
            this.lines = text.lines().toList();
            Study.STUDY_SECTIONS.forEach(id -> study.put(id, new ArrayList<>()));
        }

        Study parse() {
            List<List<String>> blocks = blocks();
            for (int i = 0; i < blocks.size(); i++) {
                List<String> block = blocks.get(i);
                if (current == null) {
                    studyBlock(block);
                } else {
                    caseBlock(block);
                }
            }
            List<CaseStudy> built = cases.stream().map(CaseBuilder::build).toList();
            List<Section> sections = new ArrayList<>();
            study.forEach((id, drafts) -> {
                if (!drafts.isEmpty()) {
                    sections.add(new Section(id, STUDY_TITLES.get(id), number(null, id, drafts)));
                }
            });
            return new Study(built, sections);
        }

        /** Paragraphs: runs of non-blank lines; ignored lines are dropped here, once. */
        private List<List<String>> blocks() {
            List<List<String>> blocks = new ArrayList<>();
            List<String> block = new ArrayList<>();
            for (String raw : lines) {
                if (raw.isBlank() || isIgnored(raw) && !isCaseStart(raw) && !isCountsHeader(raw)) {
                    if (!block.isEmpty()) {
                        blocks.add(block);
                        block = new ArrayList<>();
                    }
                    continue;
                }
                block.add(raw.stripTrailing());
            }
            if (!block.isEmpty()) {
                blocks.add(block);
            }
            return blocks;
        }

        private static boolean isCountsHeader(String raw) {
            return raw.startsWith("Buchhaltung 7 Teilnehmende\t");
        }

        private static boolean isCaseStart(String raw) {
            return startsCase(raw);
        }

        // ---------------------------------------------------------------- study-level text

        private void studyBlock(List<String> block) {
            String first = block.getFirst();
            if (isCaseStart(first)) {
                startCase();
                return;
            }
            if (first.startsWith("#")) {
                String heading = clean(first);
                String section = STUDY_HEADINGS.get(heading.toLowerCase(Locale.GERMAN));
                if (pending != null) {
                    add(pending);
                }
                Draft previous = lastDraft();
                if (previous != null) {
                    previous.openForList = false;
                    previous.openForText = false;
                }
                if (section != null) {
                    studySection = section;
                    subheading = heading.equalsIgnoreCase(STUDY_TITLES.get(section)) ? null : heading;
                } else {
                    subheading = heading.replaceFirst(":$", "");
                }
                pending = null;
                lastShort = null;
                afterHeading = true;
                return;
            }
            Matcher zz = ZZ_LINK.matcher(first);
            if (zz.matches()) {
                studySection = "impressum";
                for (String line : block) {
                    Matcher m = ZZ_LINK.matcher(line);
                    if (m.matches()) {
                        add(studyDraft(m.group(1), m.group(1) + " – " + m.group(2), PassageKind.TEXT));
                    }
                }
                return;
            }
            if (clean(first).startsWith("Tabelle 2:")) {
                studySection = "tabelle-2";
            }
            if (isCountsHeader(first)) {
                countsTable++;
                countsRow = 0;
                if (block.size() == 1) {
                    return;
                }
                block = block.subList(1, block.size());
                first = block.getFirst();
            }
            Draft previous = lastDraft();
            boolean bullets = block.stream().allMatch(l -> l.startsWith("- "));
            if (bullets && afterHeading && subheading != null) {
                // a list directly under a subheading ("1. KI-Anwendung") reads as one unit
                afterHeading = false;
                Draft list = add(studyDraft(subheading, String.join("\n", block.stream()
                        .map(l -> "- " + clean(l).replaceFirst("^- ", "")).toList()), PassageKind.TEXT));
                list.openForText = false;
                return;
            }
            afterHeading = false;
            if (bullets && previous != null && previous.openForList) {
                block.forEach(l -> previous.append("\n" + clean(l.strip()).replaceFirst("^- ", "- ")));
                previous.openForList = false;
                lastShort = null;
                return;
            }
            if (pending != null && !bullets && !startsItem(first)) {
                pending.text = joinLines(block);
                add(pending);
                pending = null;
                return;
            }
            pending = null;
            if (block.size() == 1 && isShortLine(first)) {
                if (lastShort != null && lastShort == previous) {
                    lastShort.append(" " + clean(first));
                } else {
                    lastShort = studyDraft(subheading, clean(first), PassageKind.TEXT);
                    lastShort.openForList = true;
                    add(lastShort);
                }
                return;
            }
            lastShort = null;
            if (previous != null && previous.openForText && !startsItem(first) && !bullets) {
                // a sentence broken by a page or column end continues in the next paragraph
                previous.text = HYPHEN_BREAK.matcher(previous.text).matches()
                        ? previous.text.substring(0, previous.text.length() - 1) + joinLines(block)
                        : previous.text + " " + joinLines(block);
                previous.openForText = false;
                previous.openForList = previous.text.endsWith(":");
                return;
            }
            Draft paragraph = null;
            for (String line : block) {
                String cleanLine = clean(line);
                Matcher category = TABLE_CATEGORY.matcher(line.strip());
                Matcher counts = TABLE_COUNTS.matcher(line.strip());
                if (category.matches()) {
                    String label = clean(category.group(1));
                    (studySection.equals("tabelle-2") ? tableTwoCategories : tableOneCategories).add(label);
                    paragraph = add(studyDraft(label, clean(category.group(2)).replace(" ,", ","),
                            PassageKind.BEST_PRACTICE));
                } else if (counts.matches()) {
                    paragraph = add(countsDraft(counts));
                } else if (line.startsWith("- ") || line.matches("\\d+\\. .*")) {
                    String item = cleanLine.replaceFirst("^- ", "");
                    String number = line.matches("\\d+\\. .*") ? line.substring(0, line.indexOf(' ') + 1) : "";
                    Matcher bold = BOLD_ITEM.matcher(line.replaceFirst("^(- |\\d+\\. )", ""));
                    paragraph = bold.matches() && !bold.group(2).isBlank()
                            ? add(studyDraft(number + bold.group(1).replaceFirst(":$", ""),
                                    clean(bold.group(2)), PassageKind.BEST_PRACTICE))
                            : add(studyDraft(subheading, item, PassageKind.TEXT));
                } else if (line.startsWith("**") && labelledBold(line) != null) {
                    Matcher bold = labelledBold(line);
                    paragraph = add(studyDraft(bold.group(1).replaceFirst(":$", ""), clean(bold.group(2)),
                            PassageKind.BEST_PRACTICE));
                } else if (paragraph != null && paragraph.kind == PassageKind.TEXT && !line.startsWith("- ")) {
                    paragraph.append(" " + cleanLine);
                } else {
                    paragraph = add(studyDraft(subheading, cleanLine, PassageKind.TEXT));
                }
            }
            if (paragraph != null) {
                String text = paragraph.text;
                paragraph.openForList = text.endsWith(":");
                String last = block.getLast().strip();
                paragraph.openForText = !text.matches("(?s).*[.!?:“\")]$") && paragraph.kind == PassageKind.TEXT
                        && !last.startsWith("- ") && !block.getFirst().startsWith("**");
                if (text.endsWith(":") && text.length() < 60 && block.size() == 1) {
                    study.get(studySection).remove(paragraph);
                    pending = studyDraft(text.substring(0, text.length() - 1), null, PassageKind.TEXT);
                }
            }
        }

        private Draft countsDraft(Matcher counts) {
            // The per-Tätigkeit counts are printed without row labels; row i belongs to category i (the sums agree).
            List<String> categories = countsTable == 1 ? tableOneCategories : tableTwoCategories;
            String category = countsRow < categories.size() ? categories.get(countsRow) : "Zeile " + (countsRow + 1);
            countsRow++;
            String label = category.replaceFirst(" \\(\\d+ Nennungen\\)", "")
                    + ": Nennungen je Tätigkeit (Buchhaltung | Kundenberatung | Kapazitätsplanung"
                    + (counts.group(4).isBlank() ? ")" : " | zugeordnetes Hemmnis aus Studie 1)");
            String text = counts.group(1) + " | " + counts.group(2) + " | " + counts.group(3)
                    + (counts.group(4).isBlank() ? "" : " | " + counts.group(4).strip());
            Draft draft = new Draft(label, text, PassageKind.TEXT);
            draft.section = countsTable == 1 ? "tabelle-1" : "tabelle-2";
            return draft;
        }

        private boolean isShortLine(String line) {
            String c = clean(line);
            return c.length() < 90 && !c.matches(".*[.!?:]$") && !line.startsWith("**") && !line.startsWith("- ")
                    && !TABLE_COUNTS.matcher(line.strip()).matches() && !TABLE_CATEGORY.matcher(line.strip()).matches();
        }

        private Draft studyDraft(String label, String text, PassageKind kind) {
            Draft draft = new Draft(label, text, kind);
            draft.section = studySection;
            return draft;
        }

        private Draft add(Draft draft) {
            study.get(draft.section).add(draft);
            return draft;
        }

        private Draft lastDraft() {
            List<Draft> drafts = study.get(studySection);
            return drafts.isEmpty() ? null : drafts.getLast();
        }

        // ---------------------------------------------------------------- cases

        private void startCase() {
            current = new CaseBuilder();
            cases.add(current);
            subheading = null;
            pending = null;
        }

        private void caseBlock(List<String> block) {
            String first = block.getFirst();
            String heading = clean(first);
            if (isCaseStart(first)) {
                startCase();
                return;
            }
            if (first.startsWith("#") && STUDY_HEADINGS.containsKey(heading.toLowerCase(Locale.GERMAN))) {
                current.flushPending();
                current = null;
                studyBlock(block);
                return;
            }
            Matcher header = CASE_HEADER.matcher(heading);
            if (current.activity == null && header.matches()) {
                current.branche = header.group(1);
                current.activity = Activity.parse(header.group(2).strip())
                        .orElseThrow(() -> new IllegalStateException("unknown Tätigkeit: " + header.group(2)));
                int n = counters.merge(current.activity, 1, Integer::sum);
                current.id = current.activity.idPrefix() + n;
                return;
            }
            Matcher application = APPLICATION.matcher(heading);
            if (current.application == null && application.matches()) {
                current.application = application.group(1).strip();
                return;
            }
            String section = caseSection(heading);
            if (section != null && (first.startsWith("#") || block.size() == 1 && heading.endsWith(":")
                    || section.equals("prozess") || section.equals("herausforderungen")
                    || section.equals("erfolgsfaktoren"))) {
                current.enter(section, heading);
                if (block.size() > 1) {
                    caseLines(block.subList(1, block.size()));
                }
                return;
            }
            if (heading.matches("Dauer der Einführung:.*")) {
                String rest = heading.substring("Dauer der Einführung:".length()).strip();
                List<String> more = block.subList(1, block.size()).stream().map(BrochureParser::clean).toList();
                String duration = (rest + " " + String.join(" ", more)).strip();
                current.awaitingDuration = duration.isEmpty();
                if (!duration.isEmpty()) {
                    current.setDuration(duration);
                }
                return;
            }
            if (current.awaitingDuration) {
                current.setDuration(joinLines(block));
                current.awaitingDuration = false;
                return;
            }
            if (first.startsWith("#") && !(current.section.equals("prozess") && STEP.matcher(heading).matches())) {
                current.subheading(heading);
                return;
            }
            caseLines(block);
        }

        private void caseLines(List<String> block) {
            current.paragraph(block);
        }

        private static String caseSection(String heading) {
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
    }

    private static boolean startsItem(String line) {
        String s = line.strip();
        return s.startsWith("**") || s.startsWith("- ") || s.startsWith("<b>") || s.startsWith("\"") || s.startsWith("„")
                || STEP.matcher(clean(s)).matches();
    }

    /** A bold "**Label:** text" line with text after the label, or {@code null}. */
    private static Matcher labelledBold(String line) {
        Matcher bold = BOLD_ITEM.matcher(line.strip());
        return bold.matches() && !bold.group(2).isBlank() ? bold : null;
    }

    private static String joinLines(List<String> block) {
        return String.join(" ", block.stream().map(BrochureParser::clean).toList()).strip();
    }

    private static boolean isQuote(String line) {
        String s = clean(line);
        return s.startsWith("\"") || s.startsWith("„") || s.startsWith("“");
    }

    /** Assigns 1-based ids in order; process steps are sorted by their printed number first. */
    private static List<Passage> number(String caseId, String sectionId, List<Draft> drafts) {
        List<Draft> ordered = new ArrayList<>(drafts);
        if (sectionId.equals("prozess")) {
            ordered.sort(Comparator.comparingInt(d -> d.step));
        }
        List<Passage> passages = new ArrayList<>();
        for (Draft draft : ordered) {
            String prefix = caseId == null ? sectionId : caseId + "." + sectionId;
            String text = draft.text == null || draft.text.isBlank() ? draft.label : draft.text.strip();
            passages.add(new Passage(prefix + "." + (passages.size() + 1), caseId, sectionId, draft.label, text,
                    draft.kind));
        }
        return passages;
    }

    /** A passage being assembled. */
    private static final class Draft {
        String label;
        String text;
        final PassageKind kind;
        String section;
        int step = Integer.MAX_VALUE;
        boolean openForList;
        boolean openForText;

        Draft(String label, String text, PassageKind kind) {
            this.label = label == null || label.isBlank() ? null : label.strip();
            this.text = text;
            this.kind = kind;
        }

        void append(String more) {
            text = text == null ? more.strip() : text + more;
        }
    }

    /** The case being read. */
    private static final class CaseBuilder {
        String id;
        Activity activity;
        String branche;
        String application;
        String duration;
        boolean awaitingDuration;
        final Map<String, List<Draft>> sections = new LinkedHashMap<>();
        final List<String> printedFacts = new ArrayList<>();
        final Map<String, String> titles = new LinkedHashMap<>();
        String section = "beschreibung";
        String sectionLabel;
        String group; // a subheading such as "In der Pilotphase" that groups the items below it
        Draft pending; // a label ("Externe Unterstützung:") whose text is the next paragraph
        Draft lastItem;
        Draft openStep; // a process step still waiting for its body
        boolean stepBodyDone = true;

        CaseBuilder() {
            Study.CASE_SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
        }

        void enter(String sectionId, String heading) {
            flushPending();
            section = sectionId;
            sectionLabel = heading.replaceFirst(":$", "");
            titles.putIfAbsent(sectionId, sectionLabel);
            group = null;
            lastItem = null;
        }

        void subheading(String heading) {
            flushPending();
            String label = heading.replaceFirst(":$", "").strip();
            if (!heading.endsWith(":")) {
                // "Trial and Error": a label that is a best practice by itself
                lastItem = add(section, new Draft(label, null, PassageKind.BEST_PRACTICE));
                return;
            }
            pending = new Draft(label, null, PassageKind.BEST_PRACTICE);
        }

        void flushPending() {
            if (pending != null) {
                add(section, pending);
                pending = null;
            }
        }

        void setDuration(String text) {
            duration = text;
            Draft draft = new Draft("Dauer der Einführung", text, PassageKind.FACT);
            add("eckdaten", draft);
        }

        void paragraph(List<String> block) {
            String first = block.getFirst();
            if (section.equals("beschreibung") || section.equals("ziel") || section.equals("interaktion")) {
                String label = section.equals("interaktion") ? sectionLabel : null;
                add(section, new Draft(label, joinLines(block), PassageKind.TEXT));
                return;
            }
            if (section.equals("prozess")) {
                processParagraph(block);
                return;
            }
            if (pending != null) {
                if (!startsItem(first) && PLAIN_ITEM.matcher(clean(first)).matches() && block.size() == 1) {
                    // "In der Pilotphase:" followed by labelled items: a group heading, not a label
                    group = pending.label;
                    pending = null;
                } else if (!startsItem(first) && !PLAIN_ITEM.matcher(clean(first)).matches()) {
                    pending.text = joinLines(block);
                    lastItem = add(section, pending);
                    pending = null;
                    return;
                } else {
                    flushPending();
                }
            }
            if (isQuote(first)) {
                String target = sections.get(section).isEmpty() && section.equals("tipps") ? "tipps" : "zitat";
                Draft quote = null;
                for (String line : block) {
                    if (quote == null || isQuote(line)) {
                        quote = add(target, new Draft(null, clean(line), PassageKind.QUOTE));
                    } else {
                        quote.append(" " + clean(line));
                    }
                }
                return;
            }
            for (String line : block) {
                String strip = line.strip();
                Matcher bold = BOLD_ITEM.matcher(strip);
                Matcher plain = PLAIN_ITEM.matcher(clean(strip));
                if (strip.startsWith("**") && bold.matches()) {
                    String label = bold.group(1).strip().replaceFirst(":$", "");
                    String text = clean(bold.group(2));
                    lastItem = add(section, new Draft(grouped(label), text.isEmpty() ? null : text,
                            PassageKind.BEST_PRACTICE));
                    if (text.isEmpty() && bold.group(1).strip().endsWith(":") && block.size() == 1) {
                        sections.get(section).remove(lastItem);
                        pending = lastItem;
                        lastItem = null;
                    }
                } else if (plain.matches() && !strip.startsWith("-")) {
                    lastItem = add(section, new Draft(grouped(plain.group(1)), plain.group(2), PassageKind.BEST_PRACTICE));
                } else if (lastItem != null && line != first) {
                    lastItem.append(" " + clean(strip));
                } else {
                    lastItem = add(section, new Draft(null, clean(strip), PassageKind.TEXT));
                }
            }
        }

        private String grouped(String label) {
            return group == null ? label.strip() : group + " – " + label.strip();
        }

        private void processParagraph(List<String> block) {
            String first = clean(block.getFirst());
            Matcher step = STEP.matcher(first);
            if (step.matches()) {
                Draft draft;
                if (block.getFirst().startsWith("#") || block.getFirst().startsWith("**") || block.size() > 1) {
                    draft = new Draft("Schritt " + step.group(1) + ": " + step.group(2).strip(), null, PassageKind.STEP);
                    stepBodyDone = false;
                    if (block.size() > 1) {
                        draft.text = joinLines(block.subList(1, block.size()));
                        stepBodyDone = true;
                    }
                } else {
                    // "Schritt 5: Eingliederung in den Arbeitsalltag Mitarbeitende wurden ...": title and body in one line
                    draft = new Draft("Schritt " + step.group(1), step.group(2).strip(), PassageKind.STEP);
                    stepBodyDone = true;
                }
                draft.step = Integer.parseInt(step.group(1));
                openStep = draft;
                add("prozess", draft);
                return;
            }
            if (block.getFirst().startsWith("**") && block.getFirst().strip().endsWith("**") && block.size() > 1) {
                // "**Begleitende Transformationsmaßnahmen**": an unnumbered part of the process
                Draft draft = new Draft(first, joinLines(block.subList(1, block.size())), PassageKind.STEP);
                add("prozess", draft);
                stepBodyDone = true;
                return;
            }
            if (openStep != null && !stepBodyDone && !isFact(block.getFirst())) {
                openStep.text = joinLines(block);
                stepBodyDone = true;
                return;
            }
            String fact = joinLines(block);
            printedFacts.add(fact);
            String text = fact.replaceFirst("^[☒☐✓]\\s*", "");
            String label = fact.startsWith("☐") ? "Nicht angekreuzt" : null;
            add("eckdaten", new Draft(label, text, PassageKind.FACT));
        }

        private static boolean isFact(String line) {
            return line.startsWith("☒") || line.startsWith("☐") || line.startsWith("✓");
        }

        Draft add(String sectionId, Draft draft) {
            sections.get(sectionId).add(draft);
            return draft;
        }

        CaseStudy build() {
            flushPending();
            List<Section> built = new ArrayList<>();
            sections.forEach((sectionId, drafts) -> {
                if (!drafts.isEmpty()) {
                    built.add(new Section(sectionId, titles.getOrDefault(sectionId, CASE_TITLES.get(sectionId)),
                            number(id, sectionId, drafts)));
                }
            });
            return new CaseStudy(id, activity, branche, application, facts(), built);
        }

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
}
