package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The offline composition on the real study: an opening sentence by concept, then the quotes grouped under it. */
class ExtractiveAnswererTests {

    static final ExtractiveAnswerer ANSWERER = new ExtractiveAnswerer(AbstentionTests.PROPERTIES, AbstentionTests.INDEX);
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    static String answer(String text) {
        AnalyzedQuestion question = AbstentionTests.ANALYZER.analyze(AnswerRequest.of(text));
        List<Source> sources = AbstentionTests.SELECTOR.select(question).sources();
        return Citations.renumber(CitationFilter.check(ANSWERER.answer(question, sources), sources.size()), sources).text();
    }

    @Test
    void should_open_a_question_several_cases_answer_with_the_concepts_they_share() {
        // when
        String answer = answer("Was hat in der Buchhaltung bei der Einführung geholfen?");
        // then one sentence names the concepts with their citations, before any quote
        String lead = answer.lines().findFirst().orElseThrow();
        assertThat(lead).startsWith("Die Studie nennt").contains("vor allem").endsWith(".");
        assertThat(MARKER.matcher(lead).results().count()).isGreaterThanOrEqualTo(2);
        // and the quotes follow under a bold concept heading that lists its cases, each quote with its case in front
        assertThat(answer).containsPattern("(?m)^\\*\\*[^*]+ \\((B\\d)(, B\\d)*\\)\\*\\*$");
        assertThat(answer).containsPattern("(?m)^- \\*\\*B\\d\\*\\* \\([^)]+\\): ");
    }

    @Test
    void should_cite_in_reading_order_after_composition() {
        // when
        String answer = answer("Welche Herausforderungen hatten die Firmen mit dem Datenschutz?");
        // then the markers appear as 1, 2, 3 … at their first use
        List<Integer> firstUse = new java.util.ArrayList<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (!firstUse.contains(n)) firstUse.add(n);
        }
        assertThat(firstUse).isNotEmpty().isSorted().startsWith(1);
        assertThat(firstUse.getLast()).isEqualTo(firstUse.size());
    }

    @Test
    void should_frame_an_english_question_in_english_and_say_the_quotes_stay_german() {
        // when
        String answer = answer("What helped the accounting companies succeed with AI?");
        // then
        assertThat(answer).startsWith("The study names").contains("The quotes below stay in the study's German.");
        assertThat(answer).doesNotContain("Die Studie nennt");
    }

    @Test
    void should_keep_one_case_in_brochure_order_without_concept_groups() {
        // when
        String answer = answer("Welche Tipps gibt B4?");
        // then
        assertThat(answer).doesNotContain("vor allem").doesNotContain("Weitere Stellen");
        assertThat(answer).contains("[1]");
    }

    @Test
    void should_print_a_study_passage_with_its_own_line_breaks_as_one_list_item() {
        // when: an author's entry in the front matter, three lines
        String line = ExtractiveAnswerer.oneLine("Linn Braunmiller\n- Wissenschaftliche Mitarbeiterin\n- Universität Stuttgart");
        // then
        assertThat(line).isEqualTo("Linn Braunmiller; Wissenschaftliche Mitarbeiterin; Universität Stuttgart");
        assertThat(ExtractiveAnswerer.oneLine("in vier Hauptbereiche unterteilt:\n- KI-Anwendung")).isEqualTo(
                "in vier Hauptbereiche unterteilt: KI-Anwendung");
    }

    @Test
    void should_quote_the_sentences_of_a_long_study_paragraph_that_hold_the_question_and_mark_the_gaps() {
        // when: the Fazit's last paragraph, about a thousand characters, asked for its overall verdict
        String answer = answer("Welchen Weg zur KI-Einführung beschreibt die Studie insgesamt, planbar oder nicht?");
        // then the closing sentence is quoted, with "…" for the sentences left out before it
        assertThat(answer).contains("… Insgesamt macht die Studie deutlich, dass der Weg zur erfolgreichen KI-Einführung "
                + "komplex, aber plan- und gestaltbar ist");
    }

    @Test
    void should_quote_the_passages_of_a_one_case_answer_in_full() {
        // when the question is about one case, whose description runs past the length of a short quote
        String answer = answer("Was beschreibt B4 zu seiner KI-Anwendung?");
        // then the description is quoted to its end (what a short quote cut off: the unreliable old text recognition)
        assertThat(answer).contains("fehleranfällig").doesNotContain(" …");
    }

    @Test
    void should_shorten_the_quotes_of_an_answer_from_several_cases() {
        // when
        String answer = answer("Was hat in der Buchhaltung bei der Einführung geholfen?");
        // then every line of a quote stays within the short length plus its frame
        assertThat(answer.lines().filter(l -> l.startsWith("- ")).mapToInt(String::length).max().orElseThrow())
                .isLessThan(AbstentionTests.PROPERTIES.quoteLength() + 120);
    }
}
