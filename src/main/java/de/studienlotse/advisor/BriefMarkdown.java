package de.studienlotse.advisor;

import de.studienlotse.answer.CitationMarkers;
import de.studienlotse.answer.Citation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A brief as Markdown (GitHub flavour): each item with the study's words quoted verbatim and a footnote
 * {@code [^n]} naming the passage and linking to it; the footnotes, the advisor's notes and the study's attribution
 * and licence at the end.
 */
final class BriefMarkdown {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZONE);
    /** A marker as {@link #escape} leaves it, "\\[n\\]": the one grammar with a backslash before each bracket. */
    private static final Pattern ESCAPED_MARKER = Pattern.compile("\\\\" + CitationMarkers.REGEX.replace("]", "\\\\]"));

    private BriefMarkdown() {
    }

    /** @param baseUrl where the service runs, e.g. {@code https://studienlotse.example}; links become absolute */
    static String render(Brief brief, String baseUrl) {
        StringBuilder md = new StringBuilder();
        ClientProfile p = brief.profile();
        md.append("# Beratungsbrief").append(title(p).isEmpty() ? "" : ": " + escape(title(p))).append("\n\n");
        md.append("Erstellt am ").append(DATE.format(brief.createdAt()));
        if (!brief.updatedAt().equals(brief.createdAt())) md.append(", geändert am ").append(DATE.format(brief.updatedAt()));
        md.append(" mit Studienlotse aus der Studie „Best Practices – Einführung von KI-Anwendungen in KMU“ (ZZA, 2025). ")
                .append("Zitate in Anführungszeichen sind wörtlich aus der Studie; die Fußnoten nennen die Fundstelle.\n\n");

        md.append("## Der Betrieb\n\n");
        line(md, "Branche", p.branche());
        line(md, "Größe", p.size());
        line(md, "Tätigkeit für KI", p.taetigkeit());
        line(md, "Anliegen", p.concerns().isEmpty() ? null : String.join(", ", p.concerns()));
        line(md, "Notizen", p.notes());
        md.append('\n');

        if (brief.summary() != null) {
            md.append("## Zusammenfassung\n\n").append(footnoted(escape(brief.summary().text())))
                    .append("\n\n*Geschrieben von einem Sprachmodell (").append(escape(brief.summary().backend()))
                    .append(") aus den Quellen dieses Briefs; jede Aussage ist mit ihrer Quelle belegt.*\n\n");
        }
        for (Brief.Section section : brief.sections()) {
            md.append("## ").append(section.title()).append("\n\n");
            if (section.items().isEmpty()) md.append("*(alle Einträge entfernt)*\n\n");
            for (Brief.Item item : section.items()) {
                md.append(item.kind() == Brief.Kind.UMGANG ? "  - " : "- ");
                String indent = item.kind() == Brief.Kind.UMGANG ? "    " : "  ";
                if (item.citation() == null) {
                    md.append("**").append(escape(item.text())).append("**\n");
                    continue;
                }
                md.append(escape(item.text())).append(" [^").append(item.citation().n()).append("]\n");
                md.append(indent).append("> „").append(escape(quote(item.citation()))).append("“\n");
            }
            md.append('\n');
        }
        if (!brief.notes().isEmpty()) {
            md.append("## Notizen der Beraterin / des Beraters\n\n");
            for (Brief.Note note : brief.notes()) {
                md.append("- ").append(DATE.format(note.createdAt())).append(": ").append(escape(note.text())).append('\n');
            }
            md.append('\n');
        }
        md.append("## Quellen\n\n");
        for (Citation c : brief.citations()) {
            md.append("[^").append(c.n()).append("]: ").append(escape(where(c))).append(" – <")
                    .append(baseUrl).append(AdvisorLinks.passageLink(c.passageId(), c.caseId())).append(">\n");
        }
        md.append("\n---\n\n").append(escape(Brief.ATTRIBUTION)).append('\n');
        return md.toString();
    }

    /** "Fall B4 (E-Commerce, Buchhaltung), Erfolgsfaktoren, Passage B4.erfolgsfaktoren.2". */
    static String where(Citation c) {
        String passage = "Passage " + c.passageId();
        if (c.caseId() == null) return "Studie, Abschnitt „" + c.section() + "“, " + passage;
        return "Fall %s (%s%s), %s, %s".formatted(c.caseId(), c.branche() == null ? "" : c.branche() + ", ",
                c.taetigkeit(), sectionTitle(c.section()), passage);
    }

    static String sectionTitle(String sectionId) {
        return switch (sectionId) {
            case "beschreibung" -> "Beschreibung";
            case "ziel" -> "Ziel";
            case "interaktion" -> "Interaktion";
            case "prozess" -> "Prozess";
            case "eckdaten" -> "Eckdaten";
            case "herausforderungen" -> "Herausforderungen";
            case "zusammenarbeit" -> "Zusammenarbeit";
            case "erfolgsfaktoren" -> "Erfolgsfaktoren";
            case "tipps" -> "Tipps";
            case "zitat" -> "Zitat";
            case "methodik" -> "Methodik";
            default -> sectionId;
        };
    }

    /** The passage as quoted: "Label: text" where the label is not the text itself. */
    static String quote(Citation c) {
        return c.label() == null || c.label().equals(c.quote()) ? c.quote() : c.label() + ": " + c.quote();
    }

    static String title(ClientProfile p) {
        StringBuilder t = new StringBuilder();
        if (p.branche() != null) t.append(p.branche());
        if (p.taetigkeit() != null) t.append(t.isEmpty() ? "" : ", ").append(p.taetigkeit());
        return t.toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        if (value != null) md.append("- **").append(label).append(":** ").append(escape(value)).append('\n');
    }

    /** [3] → [^3] (after escaping, the brackets read \[3\]). */
    private static String footnoted(String escaped) {
        return ESCAPED_MARKER.matcher(escaped).replaceAll("[^$1]");
    }

    /** Markdown's active characters, escaped: nobody's text (the study's or the advisor's) can inject markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.replace("\r", "").replace("\n", " ").toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(ch) >= 0) out.append('\\');
            out.append(ch);
        }
        return out.toString();
    }
}
