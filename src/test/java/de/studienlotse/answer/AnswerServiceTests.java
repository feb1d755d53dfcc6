package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.Study;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The offline answerer on real questions over the whole study. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AnswerServiceTests {

    @Autowired
    AnswerService answers;

    @Autowired
    Study study;

    Answer ask(String question, Turn... history) {
        return answers.answer(new AnswerRequest(question, List.of(history), null, null)).block();
    }

    List<String> citedCases(Answer answer) {
        return answer.citations().stream().map(Citation::caseId).distinct().toList();
    }

    @Nested
    class Answerable {

        @Test
        void should_cite_the_invoice_cases_for_challenges_of_invoice_processing() {
            Answer answer = ask("Welche Herausforderungen gab es bei der Rechnungsverarbeitung?");

            assertThat(answer.abstained()).isFalse();
            // the invoice cases, and beside them at most the study's own table of challenges
            assertThat(citedCases(answer).stream().filter(java.util.Objects::nonNull)).isNotEmpty()
                    .isSubsetOf("B4", "B5", "B6", "B7");
            assertThat(answer.citations()).allSatisfy(c -> assertThat(c.section()).isIn("herausforderungen", "tabelle-1"));
        }

        @Test
        void should_answer_a_duration_from_the_case_facts() {
            Answer answer = ask("Wie lange hat die Einführung beim E-Commerce-Unternehmen gedauert?");

            assertThat(answer.text()).contains("2-3 Jahre");
            assertThat(answer.citations()).extracting(Citation::passageId).contains("B4.eckdaten.2");
        }

        @Test
        void should_answer_a_duration_with_a_condition_with_the_cases_that_meet_it_only() {
            Answer answer = ask("Welche KI-Einführungen dauerten höchstens einen Monat?");

            // 4 Wochen (B2), and no case of several months or years among the citations
            assertThat(citedCases(answer)).contains("B2").doesNotContain("B1", "B4", "P1");
            assertThat(answer.text()).contains("Die übrigen").doesNotContain("2-3 Jahre");
        }

        @Test
        void should_answer_how_long_the_interviews_took_from_the_method_not_the_cases() {
            Answer answer = ask("Mit welcher Methode wurde die Studie gemacht und wie lange dauerten die Interviews?");

            assertThat(answer.text()).contains("1h");
            assertThat(answer.citations()).extracting(Citation::section).contains("methodik").doesNotContain("eckdaten");
        }

        @Test
        void should_list_every_case_with_a_works_council() {
            Answer answer = ask("Bei welchen Unternehmen war der Betriebsrat eingebunden?");

            assertThat(citedCases(answer)).contains("B3", "K6", "K7", "P3");
            assertThat(answer.text()).contains("P1").contains("Kein Betriebsrat");
        }

        @Test
        void should_find_success_factors_asked_in_everyday_words() {
            Answer answer = ask("Wie kriege ich skeptische Kollegen mit ins Boot?");

            assertThat(answer.abstained()).isFalse();
            assertThat(answer.citations()).isNotEmpty();
        }

        @Test
        void should_not_take_gender_forms_compound_parts_or_hyphenated_modifiers_for_unknown_topics() {
            assertThat(ask("Wurden die Kundinnen über die Grenzen der KI aufgeklärt?").abstained()).isFalse();
            assertThat(ask("Gab es irgendwo Online-Schulungen für die Belegschaft?").abstained()).isFalse();
            assertThat(ask("Wie war das Durchschnittsalter der Befragten?").abstained()).isFalse();
        }

        @Test
        void should_answer_an_english_question_in_an_english_frame_around_german_quotes() {
            Answer answer = ask("How long did the introduction take at the logistics company?");

            assertThat(answer.text()).startsWith("The introduction at").contains("3-4 Monate");
            assertThat(citedCases(answer)).containsExactly("B5");
        }

        @Test
        void should_count_the_cases_per_activity_from_the_study() {
            Answer answer = ask("Wie viele Fälle gibt es pro Tätigkeit?");

            assertThat(answer.text()).contains("7 Tätigkeit: Buchhaltung").contains("4 Tätigkeit: Kapazitätsplanung");
        }

        @Test
        void should_only_cite_passages_it_was_given_and_mark_every_citation_in_the_text() {
            Answer answer = ask("Welche Tipps geben die Unternehmen zur internen Kommunikation?");

            Matcher markers = Pattern.compile("\\[(\\d+)]").matcher(answer.text());
            java.util.Set<Integer> inText = new java.util.LinkedHashSet<>();
            while (markers.find()) inText.add(Integer.parseInt(markers.group(1)));
            assertThat(answer.citations()).extracting(Citation::n).containsExactlyElementsOf(inText);
            assertThat(answer.citations()).allSatisfy(c -> assertThat(study.passage(c.passageId())).isPresent()
                    .get().extracting(p -> p.text()).isEqualTo(c.quote()));
            assertThat(answer.uncited()).isFalse();
        }
    }

    @Nested
    class Unanswerable {

        @Test
        void should_abstain_off_topic_and_offer_questions_the_study_answers() {
            Answer answer = ask("Wie backe ich ein Sauerteigbrot?");

            assertThat(answer.abstained()).isTrue();
            assertThat(answer.citations()).isEmpty();
            assertThat(answer.text()).startsWith("Dazu enthält die Studie keine Angaben");
            assertThat(answer.suggestions()).hasSizeBetween(2, 3);
        }

        @Test
        void should_abstain_when_asked_for_money_the_study_never_states() {
            Answer answer = ask("Was hat die KI-Einführung beim E-Commerce-Unternehmen in Euro gekostet?");

            assertThat(answer.abstained()).isTrue();
            // which kind of detail is missing, and what the study says instead
            assertThat(answer.text()).contains("keine Beträge in Euro").contains("Kosten-Nutzen-Analyse");
        }

        @Test
        void should_abstain_when_the_question_is_about_something_the_study_never_names() {
            assertThat(ask("Welche Förderprogramme gibt es in Bayern?").abstained()).isTrue();
            assertThat(ask("Welcher Paragraph regelt die Mitbestimmung bei KI?").abstained()).isTrue();
            assertThat(ask("Wie viele Tickets pro Tag bearbeitet die KI im Healthcare-Fall?").abstained()).isTrue();
        }
    }

    @Nested
    class FollowUp {

        @Test
        void should_resolve_a_follow_up_against_the_case_of_the_previous_turn() {
            Answer answer = ask("Und wie lange hat das gedauert?",
                    Turn.user("Welche Herausforderungen hatte das Logistikunternehmen?"),
                    Turn.assistant("Die Studie nennt zu B5 (Logistik) diese Herausforderungen: …"));

            assertThat(answer.text()).contains("3-4 Monate");
            assertThat(citedCases(answer)).containsExactly("B5");
            assertThat(answer.followUp()).isTrue();
            assertThat(answer.followUpOf()).isEqualTo(new de.studienlotse.answer.FollowUp(
                    "Welche Herausforderungen hatte das Logistikunternehmen?", List.of("B5"), null));
        }

        @Test
        void should_name_no_previous_question_for_a_question_with_a_subject_of_its_own() {
            Answer answer = ask("Was ist das Fazit der Studie?",
                    Turn.user("Welche Herausforderungen hatte das Logistikunternehmen?"),
                    Turn.assistant("Die Studie nennt zu B5 (Logistik) diese Herausforderungen: …"));

            assertThat(answer.followUp()).isFalse();
            assertThat(answer.followUpOf()).isNull();
        }

        @Test
        void should_carry_the_cases_named_in_the_previous_answer() {
            Answer answer = ask("Welche Tipps gab es dort?",
                    Turn.user("Welcher Fall nutzt Dynamics 365?"),
                    Turn.assistant("Das ist **P2** (Elektromobilität – Automatisierung von Analyse- und Planungsprozessen mit Dynamics 365) [1]."));

            assertThat(citedCases(answer)).containsExactly("P2");
            assertThat(answer.citations()).allSatisfy(c -> assertThat(c.section()).isEqualTo("tipps"));
        }
    }
}
