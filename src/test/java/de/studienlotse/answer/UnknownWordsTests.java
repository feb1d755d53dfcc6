package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.search.Brochure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one test of a word the study does not know, on the real study and index, in both forms a text comes in. */
class UnknownWordsTests {

    private static final UnknownWords UNKNOWN = new UnknownWords(Brochure.study());

    private static List<String> unknown(String text, UnknownWords.Form form) {
        return UNKNOWN.words(text, Brochure.index().analyze(text), form);
    }

    @ParameterizedTest(name = "{0} ({1}) → [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a noun no passage uses, in a question and as an advisor's concern
            "Welche Rolle spielte die Blockchain?       | QUESTION | Blockchain",
            "Blockchain                                 | PHRASE   | Blockchain",
            // a concept's phrasing is known though no passage uses it
            "Wie gehen die Fälle mit Bammel im Team um? | QUESTION | -",
            "Bammel im Team                             | PHRASE   | -",
            // inside a compound of the study ("Altersdurchschnitt"), a case id, an everyday noun of asking
            "Wie hoch ist der Durchschnitt?             | QUESTION | -",
            "Was hat B4 gemacht?                        | QUESTION | -",
            // a sentence's first word is capitalised whatever it is; a concern's is a noun
            "Lief das bei K3 über Salesforce?           | QUESTION | Salesforce",
            "Blockchain hilft?                          | QUESTION | -",
            // lower-case words are wording, unless a concern is that one word
            "Ist das schlau?                            | QUESTION | -",
            "blockchain                                 | PHRASE   | blockchain",
            "Datenschutz                                | PHRASE   | -",
    })
    void should_tell_the_nouns_the_study_does_not_know(String text, UnknownWords.Form form, String expected) {
        assertThat(unknown(text, form)).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Haftung", "Blockchain", "Salesforce", "Datenschutz", "Bammel", "Durchschnitt", "Akzeptanz"})
    void should_judge_a_noun_alike_in_a_chat_question_and_in_a_concern(String noun) {
        // the chat's abstention and the advisor's brief ask the same question of the same word
        String question = "Was sagen die Fälle zu " + noun + "?";
        List<String> inQuestion = AbstentionTests.ABSTENTION.unknownFocusWords(question, Brochure.index().analyze(question));

        assertThat(inQuestion).isEqualTo(unknown(noun, UnknownWords.Form.PHRASE));
    }
}
