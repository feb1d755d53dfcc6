package de.studienlotse.advisor;

import de.studienlotse.answer.CitationMarkers;
import de.studienlotse.answer.Citation;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpdf.text.Anchor;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A brief as PDF (OpenPDF): the items with the study's words quoted verbatim, each citation a superscript number with
 * its footnote at the foot of every page where it is cited (case, section and the passage id, linked to the passage), and
 * the study's attribution and licence on every page.
 *
 * <p>The text is set in DejaVu Sans (Bitstream Vera licence, {@code advisor/fonts/LICENSE-DejaVu.txt}), embedded as a
 * subset with Unicode encoding (Identity-H): a client's name such as "Łódź" or an em dash in a note prints as written.
 * NOTE: characters the font lacks (CJK, emoji) are replaced by "?". Footnotes have a fixed band at the foot of each page, two columns of 13 lines; a page of items
 * cites fewer.
 */
final class BriefPdf {

    private static final Pattern MARKER = Pattern.compile(CitationMarkers.REGEX);
    private static final Color BLUE = new Color(0x0b, 0x5c, 0xad);
    private static final Color GREY = new Color(0x57, 0x60, 0x6a);
    // loaded once: a BaseFont is shared by all documents, each writer embeds only the glyphs it used
    private static final BaseFont SANS = font("DejaVuSans.ttf");
    private static final BaseFont SANS_BOLD = font("DejaVuSans-Bold.ttf");
    private static final BaseFont SANS_OBLIQUE = font("DejaVuSans-Oblique.ttf");
    private static final Font TITLE = new Font(SANS_BOLD, 18, Font.NORMAL, BLUE);
    private static final Font H2 = new Font(SANS_BOLD, 12.5f, Font.NORMAL, BLUE);
    private static final Font BODY = new Font(SANS, 9.5f, Font.NORMAL);
    private static final Font BOLD = new Font(SANS_BOLD, 9.5f, Font.NORMAL);
    private static final Font QUOTE = new Font(SANS_OBLIQUE, 9f, Font.NORMAL, new Color(0x33, 0x33, 0x33));
    private static final Font SUP = new Font(SANS, 6.5f, Font.NORMAL, BLUE);
    private static final Font NOTE = new Font(SANS, 7f, Font.NORMAL, GREY);
    private static final Font NOTE_BOLD = new Font(SANS_BOLD, 7f, Font.NORMAL, BLUE);
    private static final Font NOTE_LINK = new Font(SANS, 7f, Font.UNDERLINE, BLUE);
    private static final Font FOOT = new Font(SANS, 6.5f, Font.NORMAL, GREY);
    /** Height of the footnote band above the licence line. */
    private static final float FOOTNOTE_BAND = 120;
    private static final float LICENCE_BAND = 34;

    private BriefPdf() {
    }

    static byte[] render(Brief brief, String baseUrl) {
        // OpenPDF reports where a tagged chunk landed only after that page's end event: a first pass records which
        // numbers each page cites, the second prints them as that page's footnotes (the layout is the same)
        Map<Integer, List<Integer>> citedOnPage = new LinkedHashMap<>();
        render(brief, baseUrl, citedOnPage, true);
        return render(brief, baseUrl, citedOnPage, false);
    }

    private static byte[] render(Brief brief, String baseUrl, Map<Integer, List<Integer>> citedOnPage, boolean recording) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, LICENCE_BAND + FOOTNOTE_BAND + 12);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        Map<Integer, Citation> byNumber = new LinkedHashMap<>();
        brief.citations().forEach(c -> byNumber.put(c.n(), c));
        writer.setPageEvent(new Footnotes(byNumber, baseUrl, citedOnPage, recording));
        document.addTitle(safe("Beratungsbrief " + BriefMarkdown.title(brief.profile())));
        document.addCreator("Studienlotse");
        document.addSubject(safe(Brief.ATTRIBUTION));
        document.open();

        document.add(paragraph("Beratungsbrief", TITLE, 0, 4));
        String title = BriefMarkdown.title(brief.profile());
        if (!title.isEmpty()) document.add(paragraph(title, H2, 0, 6));
        document.add(paragraph("Erstellt am " + BriefMarkdown.DATE.format(brief.createdAt())
                + (brief.updatedAt().equals(brief.createdAt()) ? "" : ", geändert am " + BriefMarkdown.DATE.format(brief.updatedAt()))
                + " mit Studienlotse. Text in Anführungszeichen ist wörtlich aus der Studie; die Fußnoten nennen die Fundstelle "
                + "(Fall, Abschnitt, Passage). Jede Passage online: " + baseUrl + "/berater/faelle/<Fall>#<Passage>.",
                NOTE, 0, 10));

        document.add(paragraph("Der Betrieb", H2, 8, 4));
        ClientProfile p = brief.profile();
        field(document, "Branche", p.branche());
        field(document, "Größe", p.size());
        field(document, "Tätigkeit für KI", p.taetigkeit());
        field(document, "Anliegen", p.concerns().isEmpty() ? null : String.join(", ", p.concerns()));
        field(document, "Notizen", p.notes());

        if (brief.summary() != null) {
            document.add(paragraph("Zusammenfassung", H2, 10, 4));
            Paragraph summary = paragraph();
            summary.setLeading(13);
            Matcher m = MARKER.matcher(brief.summary().text());
            int last = 0;
            while (m.find()) {
                summary.add(new Chunk(safe(brief.summary().text().substring(last, m.start())), BODY));
                summary.add(marker(Integer.parseInt(m.group(1))));
                last = m.end();
            }
            summary.add(new Chunk(safe(brief.summary().text().substring(last)), BODY));
            document.add(summary);
            document.add(paragraph("Geschrieben von einem Sprachmodell (" + brief.summary().backend()
                    + ") aus den Quellen dieses Briefs.", NOTE, 2, 4));
        }

        for (Brief.Section section : brief.sections()) {
            Paragraph heading = paragraph(section.title(), H2, 12, 4);
            heading.setKeepTogether(true);
            document.add(heading);
            if (section.items().isEmpty()) document.add(paragraph("(alle Einträge entfernt)", NOTE, 0, 2));
            for (Brief.Item item : section.items()) {
                float indent = item.kind() == Brief.Kind.UMGANG ? 18 : 0;
                Paragraph text = paragraph();
                text.setLeading(12.5f);
                text.setIndentationLeft(indent);
                text.setSpacingBefore(4);
                text.add(new Chunk(safe(item.text()), item.citation() == null ? BOLD : BODY));
                if (item.citation() != null) text.add(marker(item.citation().n()));
                Paragraph quote = null;
                if (item.citation() != null) {
                    quote = new Paragraph(new Chunk(safe("„" + BriefMarkdown.quote(item.citation()) + "“"), QUOTE));
                    quote.setLeading(12);
                    quote.setIndentationLeft(indent + 10);
                }
                document.add(text);
                if (quote != null) document.add(quote);
            }
        }
        if (!brief.notes().isEmpty()) {
            document.add(paragraph("Notizen der Beraterin / des Beraters", H2, 12, 4));
            for (Brief.Note note : brief.notes()) {
                document.add(paragraph(BriefMarkdown.DATE.format(note.createdAt()) + ": " + note.text(), BODY, 2, 2));
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** "B4 · Erfolgsfaktoren", "Studie · methodik": short enough for one line in half a page. */
    private static String shortWhere(Citation c) {
        return (c.caseId() == null ? "Studie" : "Fall " + c.caseId()) + " · " + BriefMarkdown.sectionTitle(c.section());
    }

    /** The superscript number of source {@code n}; its footnote goes to the foot of the page it lands on. */
    private static Chunk marker(int n) {
        Chunk chunk = new Chunk(" " + n, SUP);
        chunk.setTextRise(3.5f);
        chunk.setGenericTag(Integer.toString(n));
        return chunk;
    }

    private static void field(Document document, String label, String value) {
        if (value == null) return;
        Paragraph line = paragraph();
        line.setLeading(13);
        line.add(new Chunk(label + ": ", BOLD));
        line.add(new Chunk(safe(value), BODY));
        document.add(line);
    }

    /** An empty paragraph in the embedded font: OpenPDF would fall back to Helvetica for what it adds itself. */
    private static Paragraph paragraph() {
        Paragraph paragraph = new Paragraph();
        paragraph.setFont(BODY);
        return paragraph;
    }

    private static Paragraph paragraph(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(new Chunk(safe(text), font));
        paragraph.setLeading(font.getSize() * 1.3f);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /** What DejaVu Sans cannot show becomes "?"; typographic spaces and line breaks become plain spaces. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x202F) out.append(' ');
            else if (SANS.charExists(cp)) out.appendCodePoint(cp);
            else out.append('?');
        });
        return out.toString();
    }

    private static BaseFont font(String file) {
        try (InputStream in = BriefPdf.class.getResourceAsStream("/advisor/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("font missing from the classpath: advisor/fonts/" + file);
            // Identity-H: Unicode text; embedded: a reader needs no font of its own (subset by default)
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the numbers cited per page (first pass), then prints their footnotes and the licence at each page's foot. */
    private static final class Footnotes extends PdfPageEventHelper {

        private final Map<Integer, Citation> citations;
        private final String baseUrl;
        private final Map<Integer, List<Integer>> citedOnPage;
        private final boolean recording;

        Footnotes(Map<Integer, Citation> citations, String baseUrl, Map<Integer, List<Integer>> citedOnPage,
                  boolean recording) {
            this.citations = citations;
            this.baseUrl = baseUrl;
            this.citedOnPage = citedOnPage;
            this.recording = recording;
        }

        @Override
        public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
            if (!recording) return;
            List<Integer> numbers = citedOnPage.computeIfAbsent(writer.getPageNumber(), page -> new ArrayList<>());
            int n = Integer.parseInt(tag);
            if (!numbers.contains(n)) numbers.add(n);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            if (recording) return;
            List<Integer> onPage = citedOnPage.getOrDefault(writer.getPageNumber(), List.of());
            PdfContentByte canvas = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            float top = document.bottom() - 6;
            if (!onPage.isEmpty()) {
                canvas.saveState();
                canvas.setColorStroke(GREY);
                canvas.setLineWidth(0.4f);
                canvas.moveTo(left, top);
                canvas.lineTo(left + 120, top);
                canvas.stroke();
                canvas.restoreState();
                // two columns of one-line footnotes: room for 26 citations, more than a page of items can hold
                ColumnText column = new ColumnText(canvas);
                float middle = (left + right) / 2;
                column.setSimpleColumn(left, LICENCE_BAND + 6, middle - 8, top - 2);
                for (int n : onPage) {
                    Citation c = citations.get(n);
                    if (c == null) continue;
                    Paragraph note = paragraph();
                    note.setLeading(8.5f);
                    note.add(new Chunk(n + "  ", NOTE_BOLD));
                    note.add(new Chunk(safe(shortWhere(c) + " · "), NOTE));
                    Anchor link = new Anchor(c.passageId(), NOTE_LINK);
                    link.setReference(baseUrl + AdvisorLinks.passageLink(c.passageId(), c.caseId()));
                    note.add(link);
                    column.addElement(note);
                }
                if (ColumnText.hasMoreText(column.go())) {
                    column.setSimpleColumn(middle + 8, LICENCE_BAND + 6, right, top - 2);
                    column.go();
                }
            }
            Phrase licence = new Phrase(safe("Quelle der Zitate: " + Brief.ATTRIBUTION), FOOT);
            ColumnText footer = new ColumnText(canvas);
            footer.setSimpleColumn(licence, left, 4, right - 40, LICENCE_BAND, 8, Element.ALIGN_LEFT);
            footer.go();
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase("Seite " + writer.getPageNumber(), FOOT), right, 20, 0);
        }
    }
}
