package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.search.AnalyzedWord;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Details the study does not report (answer/nicht-berichtet.tsv), on the real study and index. */
class NotReportedTests {

    private static AbstentionTests.Decided decide(String question) {
        return AbstentionTests.decide(question);
    }

    private static Optional<NotReported.Kind> kind(AbstentionTests.Decided decided) {
        return AbstentionTests.ABSTENTION.notReported(decided.question(), decided.selection());
    }

    @Test
    void should_list_no_word_the_study_itself_uses() {
        // given every word of the study's own text (cases, method, results; not the Impressum's addresses)
        Set<String> studyTerms = new HashSet<>();
        QuestionAnalyzerTests.STUDY.passages().stream().filter(p -> !"impressum".equals(p.sectionId())).forEach(p -> {
            for (AnalyzedWord word : AbstentionTests.INDEX.words(p.labelled())) {
                studyTerms.add(word.term());
                studyTerms.addAll(word.parts());
            }
        });
        // then no phrase of a kind the study does not report is one of them: a word it uses may be what it reports
        List<String> used = NotReported.rows().stream().map(row -> row[1])
                .filter(phrase -> AbstentionTests.INDEX.words(phrase).stream().anyMatch(w -> studyTerms.contains(w.term())))
                .toList();
        assertThat(used).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Wie viele der Befragten kamen aus Sachsen?|REGION",
            "In welcher Stadt sitzt der Logistiker?|REGION",
            "Muss ich meine KI nach dem EU AI Act anmelden, und welche Strafen drohen sonst?|RECHT",
            "Welcher Paragraph im Betriebsverfassungsgesetz regelt das?|RECHT",
            "Gilt dafür § 87 BetrVG?|RECHT",
            "Gibt es eine Prognose, wie viele KMU in fünf Jahren KI nutzen werden?|TERMIN",
            "Welche Förderquote hat die Finanzfirma bekommen?|KENNZAHL",
            "Wie hoch war die Lizenzgebühr beim E-Commerce-Händler?|BETRAG",
            "Wie viel Umsatz macht das Telekommunikationsunternehmen?|FIRMENDATEN",
            "Which federal state do most participants come from?|REGION",
    })
    void should_refuse_a_detail_the_study_does_not_report(String question, NotReported.Kind expected) {
        // when
        AbstentionTests.Decided decided = decide(question);
        // then
        assertThat(kind(decided)).contains(expected);
        assertThat(decided.reason()).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // "Kosten" is the study's own word: cost savings as a goal, cost analyses
            "Hat die KI bei der Rechnungsverarbeitung Kosten gespart?",
            "Welche Firma wollte mit der KI Kosten senken?",
            "Welche rechtlichen Herausforderungen gab es beim Datenschutz?",
            // the percentage is printed in P4's facts box
            "Um wie viel Prozent hat die Versand-KI die Fehler reduziert?",
            "Wann ist die Studie erschienen?",
            "Welche Termine waren bei den E-Learnings nicht mehr nötig?",
    })
    void should_answer_a_question_whose_detail_the_study_reports(String question) {
        // when
        AbstentionTests.Decided decided = decide(question);
        // then
        assertThat(kind(decided)).isEmpty();
    }

    @Test
    void should_say_which_detail_is_missing_and_what_the_study_describes_instead() {
        // given
        AbstentionTests.Decided decided = decide("Wie viele der Befragten kamen aus Sachsen?");
        // when
        String text = AbstentionTests.ABSTENTION.text(decided.question(), decided.reason().orElseThrow(), List.of(),
                kind(decided));
        // then
        assertThat(text).startsWith("Die Studie nennt keine Bundesländer").contains("Sie beschreibt die Stichprobe");
    }
}
