package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Source selection and the extractive answer over it, on the real study and index. */
class SourceSelectorTests {

    static SourceSelector.Selection select(String text) {
        return AbstentionTests.SELECTOR.select(AbstentionTests.ANALYZER.analyze(AnswerRequest.of(text)));
    }

    @Test
    void should_list_every_case_tagged_with_the_category_a_which_cases_question_names() {
        // when
        SourceSelector.Selection selection = select("In welchen Fällen war der Datenschutz eine Herausforderung?");
        // then every case whose challenges the concept layer files under Datenschutz (Tabelle 1) is a source
        List<String> matching = selection.sources().stream().filter(Source::matching)
                .map(s -> s.passage().caseId()).toList();
        assertThat(matching).contains("B3", "B7", "K3", "K7").doesNotHaveDuplicates();
    }

    @Test
    void should_show_every_matching_case_in_the_answer_however_few_words_it_shares() {
        // given
        AnalyzedQuestion question = AbstentionTests.ANALYZER.analyze(
                AnswerRequest.of("In welchen Fällen war der Datenschutz eine Herausforderung?"));
        SourceSelector.Selection selection = AbstentionTests.SELECTOR.select(question);
        // when
        String answer = new ExtractiveAnswerer(AbstentionTests.PROPERTIES, AbstentionTests.INDEX).answer(question, selection.sources());
        // then
        assertThat(answer).contains("**B3", "**B7", "**K3", "**K7");
    }

    @Test
    void should_narrow_the_cases_to_those_that_state_the_figure_the_question_names() {
        // when: B3 "dreimonatige Pilotphase", K6 "drei Monate lange iterative Testphase", P3 "Über drei Monate"
        SourceSelector.Selection selection = select("Welche Fälle hatten eine Test- oder Pilotphase von drei Monaten?");
        // then the other cases with a test phase (B1, B6 ...) are no matching case
        List<String> matching = selection.sources().stream().filter(Source::matching)
                .map(s -> s.passage().caseId()).toList();
        assertThat(matching).containsExactlyInAnyOrder("B3", "K6", "P3");
    }

    @Test
    void should_not_list_cases_for_a_question_that_does_not_ask_which() {
        // when
        SourceSelector.Selection selection = select("Was war beim Datenschutz schwierig?");
        // then
        assertThat(selection.sources()).noneMatch(Source::matching);
    }

    static String answer(String text) {
        AnalyzedQuestion question = AbstentionTests.ANALYZER.analyze(AnswerRequest.of(text));
        return new ExtractiveAnswerer(AbstentionTests.PROPERTIES, AbstentionTests.INDEX)
                .answer(question, AbstentionTests.SELECTOR.select(question).sources());
    }

    @Test
    void should_answer_how_long_the_interviews_took_from_the_method_not_from_the_cases() {
        // when: "wie lange" is a duration cue, which for a case question lists the cases' Eckdaten
        SourceSelector.Selection selection = select("Mit welchem Verfahren erhob die Studie ihre Daten, und wie lange dauerten die Interviews?");
        // then
        assertThat(selection.sources().getFirst().passage().sectionId()).isEqualTo("methodik");
        assertThat(selection.sources().subList(0, 5)).allMatch(s -> s.passage().caseId() == null);
        assertThat(answer("Mit welchem Verfahren erhob die Studie ihre Daten, und wie lange dauerten die Interviews?"))
                .contains("teilstandardisierte Interviews").doesNotContain("Dauer der Einführung");
    }

    @Test
    void should_list_every_author_of_the_study() {
        // when: one passage per author under the label "Autorenschaft der Studie 2"
        String answer = answer("Wer sind die Verfasser der Studie, und wo arbeiten sie?");
        // then
        assertThat(answer).contains("Linn Braunmiller", "Daniela Vial", "Selina Layer", "Tilman Zorn", "Fatma Yüce",
                "Jan-Paul Leuteritz");
    }

    @Test
    void should_quote_the_sentence_of_a_long_paragraph_that_answers() {
        // when: the Fazit's last paragraph runs to a thousand characters and ends with the study's overall verdict
        String answer = answer("Zu welchem Gesamturteil kommt die Studie am Schluss des Fazits?");
        // then
        assertThat(answer).contains("komplex, aber plan- und gestaltbar").doesNotContain("**B", "**K", "**P");
    }

    @Test
    void should_not_answer_a_case_question_that_names_the_study_from_the_study_text() {
        // when
        String answer = answer("Welche Firmen in der Studie hatten einen Betriebsrat?");
        // then
        assertThat(answer).contains("**B3");
    }
}
