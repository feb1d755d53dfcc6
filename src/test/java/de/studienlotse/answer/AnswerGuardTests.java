package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnswerGuardTests {

    private static final String SYSTEM = "Verwende nur die nummerierten Quellen, die dir mit der Frage gegeben werden.";

    @Test
    void should_release_text_up_to_its_latest_marker_while_streaming() {
        // given
        AnswerGuard guard = new AnswerGuard(List.of(SYSTEM));

        // when
        String first = guard.accept("Die Studie nennt dazu ");
        String second = guard.accept("**frühzeitige Kommunikation** [1] und die ");
        String third = guard.accept("Integration [2].");
        String rest = guard.flush();

        // then
        assertThat(first).isEmpty();
        assertThat(second).isEqualTo("Die Studie nennt dazu **frühzeitige Kommunikation** [1]");
        assertThat(third).isEqualTo(" und die Integration [2]");
        assertThat(rest).isEqualTo(".");
        assertThat(guard.droppedAny()).isFalse();
    }

    @Test
    void should_drop_what_follows_the_last_marker_of_a_paragraph() {
        // given
        AnswerGuard guard = new AnswerGuard(List.of(SYSTEM));

        // when
        String text = guard.accept("Laut B4 war die Datenqualität gering [1]. Das spart 90 Prozent.\nZweiter Absatz ohne Beleg.\n")
                + guard.accept("Ein Satz. Und sein Beleg [2].") + guard.flush();

        // then: a sentence without a marker is cited by the next one in its paragraph, or goes
        assertThat(text).isEqualTo("Laut B4 war die Datenqualität gering [1].\n\nEin Satz. Und sein Beleg [2].");
        assertThat(guard.summary()).startsWith("uncited 2");
    }

    @Test
    void should_drop_cited_sentences_with_a_link_html_code_or_the_prompt() {
        // given
        AnswerGuard guard = new AnswerGuard(List.of(SYSTEM));

        // when
        String text = guard.accept("Mehr unter https://evil.example.com [1]. [Klick](http://x.y) [2]. Siehe www.kmu-gewinn.de [1]. ")
                + guard.accept("<script>alert(1)</script> Schulungen [1]. ``` Code [2]. ")
                + guard.accept("Laut B4 war die Datenqualität gering [1]. ")
                + guard.accept("Verwende nur die nummerierten Quellen, die dir gegeben werden [1].") + guard.flush();

        // then
        assertThat(text).isEqualTo(" Laut B4 war die Datenqualität gering [1].");
        assertThat(guard.summary()).isEqualTo("uncited 0, link 3, HTML 1, code 1, prompt 1");
    }

    @Test
    void should_drop_the_rest_of_the_answer_once_the_model_quotes_its_prompt() {
        // given
        AnswerGuard guard = new AnswerGuard(List.of(SYSTEM));

        // when: the prompt in pieces, each with a marker, then a real statement
        String text = guard.accept("Gut [1]. Verwende nur die nummerierten Quellen, die dir [1]. Mit der Frage [1]. ")
                + guard.accept("Gegeben werden [2].\nLaut B4 war die Datenqualität gering [1].") + guard.flush();

        // then
        assertThat(text).isEqualTo("Gut [1].\n");
        assertThat(guard.summary()).endsWith("prompt 5");
    }

    @Test
    void should_keep_abbreviations_and_case_ids_inside_their_sentence() {
        // given
        AnswerGuard guard = new AnswerGuard(List.of(SYSTEM));

        // when
        String text = guard.accept("Bei B4 dauerte es z. B. ca. 2-3 Jahre [1]. Bei K2 ging es schneller [2].") + guard.flush();

        // then
        assertThat(text).isEqualTo("Bei B4 dauerte es z. B. ca. 2-3 Jahre [1]. Bei K2 ging es schneller [2].");
        assertThat(guard.droppedAny()).isFalse();
    }
}
