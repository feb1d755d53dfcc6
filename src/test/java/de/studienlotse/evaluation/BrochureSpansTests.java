package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrochureSpansTests {

    private static String text;
    private static Study study;
    private static BrochureSpans spans;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(Path.of(EvaluationCommand.CORPUS));
        study = BrochureParser.parse(text);
        spans = BrochureSpans.of(text, study);
    }

    @Test
    void should_cover_the_text_without_gaps() {
        List<BrochureSpans.Span> all = spans.spans();
        assertThat(all.getFirst().start()).isZero();
        assertThat(all.getLast().end()).isEqualTo(text.length());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).start()).isEqualTo(all.get(i - 1).end());
        }
    }

    @Test
    void should_find_each_case_in_the_parsers_order_with_its_own_application() {
        List<BrochureSpans.Span> cases = spans.spans().stream().filter(s -> s.caseId() != null).toList();
        assertThat(cases).extracting(BrochureSpans.Span::caseId)
                .containsExactlyElementsOf(study.cases().stream().map(CaseStudy::id).toList());
        for (BrochureSpans.Span span : cases) {
            String application = study.caseById(span.caseId()).orElseThrow().application();
            assertThat(text.substring(span.start(), span.end())).as(span.caseId()).contains(application);
        }
    }

    @Test
    void should_place_study_sections_where_the_parser_does() {
        assertThat(sectionText("impressum")).contains("Herausgeber").contains("Impressum");
        assertThat(sectionText("methodik")).contains("Anzahl der Interviews");
        assertThat(sectionText("fazit")).contains("Eine eindeutige Abgrenzung der Herausforderungen");
        assertThat(sectionText("tabelle-1")).contains("Datenschutz (4 Nennungen)")
                .contains("Integration in bestehende Geschäftsprozesse (M=6.26)")
                .doesNotContain("Externen Dienstleister hinzuziehen");
        assertThat(sectionText("tabelle-2")).contains("Externen Dienstleister hinzuziehen (4 Nennungen)")
                .doesNotContain("Datenschutz (4 Nennungen)");
    }

    @Test
    void should_map_a_chunk_to_every_case_it_overlaps() {
        // given a chunk across the start of the second case
        BrochureSpans.Span b2 = spans.spans().stream().filter(s -> "B2".equals(s.caseId())).findFirst().orElseThrow();
        // when
        Hit across = spans.hit(b2.start() - 100, b2.start() + 100);
        Hit inside = spans.hit(b2.start() + 10, b2.start() + 100);
        // then
        assertThat(across.cases()).containsExactlyInAnyOrder("B1", "B2");
        assertThat(inside.cases()).containsExactly("B2");
        assertThat(inside.passageId()).isNull();
    }

    @Test
    void should_map_study_text_to_sections_and_no_case() {
        BrochureSpans.Span fazit = spans.spans().stream().filter(s -> "fazit".equals(s.section())).findFirst().orElseThrow();
        Hit hit = spans.hit(fazit.start() + 10, fazit.start() + 400);
        assertThat(hit.cases()).isEmpty();
        assertThat(hit.sections()).containsExactly("fazit");
    }

    private static String sectionText(String section) {
        StringBuilder out = new StringBuilder();
        spans.spans().stream().filter(s -> section.equals(s.section()))
                .forEach(s -> out.append(text, s.start(), s.end()));
        return out.toString();
    }
}
