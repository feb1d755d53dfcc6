package de.studienlotse.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the brochure's text (a Markdown-like PDF extraction) into a {@link Study}.
 *
 * <p>The extraction is irregular: heading levels vary from case to case, labels are bold ({@code **Label:** text}),
 * headings ({@code ##### Externe Unterstützung:}) or plain ({@code Feedbackrunden: Regelmäßig durchführen.}), process
 * steps are printed out of order, and check-mark facts lost their box in some cases. The parser therefore reads
 * structure from wording ("Schritt 2:", "Erfolgsfaktoren | KI-Einführung") rather than from heading levels.
 *
 * <p>This class splits the text into {@link Block}s and hands each to the {@link StudyTextReader} (the study's own
 * chapters) or to the {@link CaseReader} of the case being read.
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
    /** "Schritt 2: Marktanalyse": a process step, whatever markup or heading level it is printed with. */
    static final Pattern STEP = Pattern.compile("Schritt (\\d+): *(.*)");
    /** "**Label:** text", "**Label**: text" or "**Label:**" alone. */
    static final Pattern BOLD_ITEM = Pattern.compile("\\*\\*(.+?)\\*\\*:?\\s*(.*)");

    private BrochureParser() {
    }

    /**
     * Reads the text block by block: the study's own text until a case heading, that case until the next case or a study
     * heading, and so on. Case ids count per Tätigkeit in order of appearance (B1..B7, K1..K7, P1..P4).
     */
    public static Study parse(String brochure) {
        Map<Activity, Integer> counters = new EnumMap<>(Activity.class);
        StudyTextReader studyText = new StudyTextReader();
        List<CaseReader> cases = new ArrayList<>();
        CaseReader current = null; // null while the study's own text is read
        for (Block block : Block.split(brochure, BrochureParser::isLayout)) {
            String first = block.first();
            if (startsCase(first)) {
                // the rest of a case heading's block, if any, is no content
                current = new CaseReader(activity -> activity.idPrefix() + counters.merge(activity, 1, Integer::sum));
                cases.add(current);
                studyText.caseStarted();
            } else if (current != null && studySectionStartedBy(first).isEmpty()) {
                current.read(block);
            } else {
                current = null;
                studyText.read(block);
            }
        }
        return new Study(cases.stream().map(CaseReader::build).toList(), studyText.sections());
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
    public static Optional<String> studySectionStartedBy(String rawLine) {
        return StudyTextReader.sectionStartedBy(rawLine);
    }

    static boolean isIgnored(String line) {
        String normalized = normalize(line);
        return IGNORED.stream().anyMatch(p -> p.matcher(normalized).matches());
    }

    /** An ignored line that separates blocks; a case heading and the counts' column header still carry meaning. */
    private static boolean isLayout(String raw) {
        return isIgnored(raw) && !startsCase(raw) && !TableCounts.isHeader(raw);
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

    /** Whether a line starts an item of its own (bold, bullet, table cell, quote, step) rather than continuing one. */
    static boolean startsItem(String line) {
        String s = line.strip();
        return s.startsWith("**") || s.startsWith("- ") || s.startsWith("<b>") || s.startsWith("\"") || s.startsWith("„")
                || STEP.matcher(clean(s)).matches();
    }
}
