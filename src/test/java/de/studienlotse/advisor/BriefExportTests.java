package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.answer.Citation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BriefExportTests {

    private static final String BASE = "https://studienlotse.example";
    private static final Brief BRIEF = new BriefAssembler(Fixtures.study(), Fixtures.index(), Fixtures.mapping(),
            new ConcernMatcher(Fixtures.study(), Fixtures.index(), Fixtures.mapping()),
            StudyAggregates.compute(Fixtures.study(), Fixtures.mapping()))
            .assemble(new ClientProfile("Steuerberatung *Müller*", "12 Mitarbeitende", "Buchhaltung",
                    List.of("Datenschutz", "Barrierefreiheit"), "Chefin [skeptisch]"), Instant.parse("2026-11-26T10:00:00Z"))
            .withNote("Förderprogramm des Landes prüfen", Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void should_write_markdown_with_footnotes_quotes_and_attribution() {
        String md = BriefMarkdown.render(BRIEF, BASE);

        Citation first = BRIEF.citations().getFirst();
        assertThat(md).startsWith("# Beratungsbrief: Steuerberatung \\*Müller\\*, Buchhaltung")
                .contains("[^1]\n  > „" + BriefMarkdown.escape(BriefMarkdown.quote(first)) + "“")
                .contains("[^1]: Fall " + first.caseId())
                .contains("<" + BASE + "/berater/faelle/" + first.caseId() + "#" + first.passageId() + ">")
                .contains("**Anliegen „Barrierefreiheit“: Dazu enthält die Studie keine Angaben")
                .contains("Chefin \\[skeptisch\\]")
                .contains("Förderprogramm des Landes prüfen")
                .contains("lizenziert unter CC BY-NC-ND 4.0");
        assertThat(md.lines().filter(l -> l.startsWith("[^"))).hasSize(BRIEF.citations().size());
    }

    @Test
    void should_write_a_pdf_that_pdfbox_opens_with_the_citations_and_the_attribution() throws IOException {
        byte[] pdf = BriefPdf.render(BRIEF, BASE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Beratungsbrief").contains("Steuerberatung *Müller*, Buchhaltung")
                    .contains("Dazu enthält die Studie keine Angaben")
                    .contains("Förderprogramm des Landes prüfen");
            // every citation as footnote: its passage id at the foot of a page, its quote in the text
            for (Citation c : BRIEF.citations()) {
                assertThat(text).contains(c.passageId());
            }
            assertThat(text).contains(BRIEF.citations().getFirst().quote().substring(0, 60).replaceAll("\\s+", " "));
            // the attribution and licence on every page
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document).replaceAll("\\s+", " "))
                        .as("page " + page)
                        .contains("Zentrum Zukunft der Arbeitswelt (ZZA), Studie 02, Mai 2025")
                        .contains("CC BY-NC-ND 4.0");
            }
            assertThat(links(document)).contains(BASE + "/berater/faelle/" + BRIEF.citations().getFirst().caseId()
                    + "#" + BRIEF.citations().getFirst().passageId());
        }
    }

    @Test
    void should_print_a_client_name_outside_latin_1_with_an_embedded_unicode_font() throws IOException {
        // given: Polish letters and an en dash, none of them in Windows-1252 except the dash and "ä"
        Brief brief = new BriefAssembler(Fixtures.study(), Fixtures.index(), Fixtures.mapping(),
                new ConcernMatcher(Fixtures.study(), Fixtures.index(), Fixtures.mapping()),
                StudyAggregates.compute(Fixtures.study(), Fixtures.mapping()))
                .assemble(new ClientProfile("Łódź Gärtnerei – Ćwiek", null, "Buchhaltung", List.of("Datenschutz"),
                        "Rückruf → Frau Żak"), Instant.parse("2026-11-26T10:00:00Z"));

        // when
        byte[] pdf = BriefPdf.render(brief, BASE);

        // then: the text comes back as written, and every font is embedded (a reader needs none of its own)
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Łódź Gärtnerei – Ćwiek").contains("Rückruf → Frau Żak").doesNotContain("?dź");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).as("a subset of DejaVu Sans").matches("[A-Z]{6}\\+DejaVuSans.*");
                }
            }
        }
    }

    @Test
    void should_replace_only_what_the_pdf_font_cannot_show() {
        assertThat(BriefPdf.safe("Ä „x“ – ✓ → Łódź 漢 ok")).isEqualTo("Ä „x“ – ✓ → Łódź ? ok");
    }

    private static List<String> links(PDDocument document) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }
}
