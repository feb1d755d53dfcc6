package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The study-text reader on short excerpts shaped like the brochure's own chapters. */
class StudyTextReaderTests {

    @Test
    void should_join_a_sentence_broken_by_a_page_end_and_mend_its_hyphen() {
        // given
        String text = """
                ### Fazit

                Die Einführung von KI-Anwendungen in kleinen und mittleren Unternehmen gelingt besonders dann, wenn die Mitarbei-

                tenden früh beteiligt werden.
                """;

        // when
        Study study = BrochureParser.parse(text);

        // then
        assertThat(study.studySection("fazit").orElseThrow().passages()).extracting(Passage::text).containsExactly(
                "Die Einführung von KI-Anwendungen in kleinen und mittleren Unternehmen gelingt besonders dann, "
                        + "wenn die Mitarbeitenden früh beteiligt werden.");
    }

    @Test
    void should_give_a_short_label_paragraph_the_next_paragraph_as_text() {
        // given
        String text = """
                ### Impressum

                Herausgeber:

                Zentrum Zukunft der Arbeitswelt, vertreten durch die Geschäftsführung, mit Sitz in Eilenburg.
                """;

        // when
        Passage passage = BrochureParser.parse(text).passage("impressum.1").orElseThrow();

        // then
        assertThat(passage.label()).isEqualTo("Herausgeber");
        assertThat(passage.text()).startsWith("Zentrum Zukunft der Arbeitswelt, vertreten");
    }

    @Test
    void should_read_a_list_under_a_subheading_as_one_passage() {
        // given
        String text = """
                ### Methodik

                #### 1. KI-Anwendung

                - Beschreibung der implementierten KI-Technologie
                - Ziele und Motivation für die Einführung
                """;

        // when
        Passage passage = BrochureParser.parse(text).passage("methodik.1").orElseThrow();

        // then
        assertThat(passage.label()).isEqualTo("1. KI-Anwendung");
        assertThat(passage.text()).isEqualTo("""
                - Beschreibung der implementierten KI-Technologie
                - Ziele und Motivation für die Einführung""");
    }
}
