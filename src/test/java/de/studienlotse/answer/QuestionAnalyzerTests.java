package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.Brochure;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchProperties;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Question understanding on the real study and index, with the collisions of cue lists as negatives. */
class QuestionAnalyzerTests {

    static final Study STUDY = Brochure.study();
    static final QuestionAnalyzer ANALYZER = new QuestionAnalyzer(STUDY,
            PassageIndex.create(STUDY, SearchProperties.defaults()));

    static AnalyzedQuestion read(String question, Turn... history) {
        return ANALYZER.analyze(new AnswerRequest(question, List.of(history), null, null));
    }

    @Nested
    class Topics {

        @ParameterizedTest(name = "{0} is no {1}")
        @CsvSource(delimiter = '|', textBlock = """
                # a cue inside another word: the collisions of prefix cues
                Wie wurde die Belegschaft auf dem Laufenden gehalten? | GELDBETRAG
                Welche Rolle spielt Europa für die Firmen? | GELDBETRAG
                Wie hilft die KI beim Preisvergleich im Einkauf? | GELDBETRAG
                Welche Rolle spielt die Europäische Union? | BETRIEBSRAT
                Wie plant die Fertigung ihre Schichten mit KI? | DAUER
                Welche Tipps gab es für das Team? | HERAUSFORDERUNGEN
                # a present participle is an adverb, not the verb's question
                Die alte Texterkennung verwechselt dauernd Ziffern. Was hat der Händler anders gemacht? | DAUER
                Was empfehlen die Firmen abschließend anderen KMU? | DAUER
                # the modifier of a truncated compound is no word of its own: Lohndaten are no wage
                Wir geben unsere Lohn- und Personaldaten ungern heraus. War das ein Thema? | GELDBETRAG
                """)
        void should_not_find_a_topic_inside_another_word(String question, Topic topic) {
            assertThat(read(question).topics()).doesNotContain(topic);
        }

        @ParameterizedTest(name = "{0} asks {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Was hat die Software in Euro gekostet? | GELDBETRAG
                Wie viel hat das Ganze gekostet? | GELDBETRAG
                Was hat die Lizenz pro Nutzer gekostet? | GELDBETRAG
                Was kostet so eine Lösung? | GELDBETRAG
                What did the software cost? | GELDBETRAG
                Wie lange hat die Einführung gedauert? | DAUER
                Wie lange dauert die Einführung? | DAUER
                Was verdient ein Buchhalter bei den Firmen? | GELDBETRAG
                Welches Budget und welcher Lohn waren eingeplant? | GELDBETRAG
                Welche Einführungen waren in weniger als zwei Monaten abgeschlossen? | DAUER
                Gab es Datenschutzbedenken? | HERAUSFORDERUNGEN
                Welche Stolpersteine gab es? | HERAUSFORDERUNGEN
                War der Personalrat beteiligt? | BETRIEBSRAT
                Was empfehlen die Firmen anderen? | TIPPS
                How long did it take? | DAUER
                Was the works council involved? | BETRIEBSRAT
                Wie viele Interviews wurden geführt? | ANZAHL
                """)
        void should_find_the_topic_in_whole_words_and_lemmas(String question, Topic topic) {
            assertThat(read(question).topics()).contains(topic);
        }
    }

    @Nested
    class Cases {

        @ParameterizedTest(name = "{0} names no case")
        @CsvSource(delimiter = '|', textBlock = """
                # words of a KI-Anwendung title raise the ranking, they never lock the question to one case
                Wie funktioniert KI in der Kapazitätsplanung?
                Wie lief die Auswahl des KI-Tools?
                Hilft KI im Einkauf und im Vertrieb?
                Kann man den Workflow der Rechnungen automatisieren?
                # a short Branche modifier names its firm only with a firm head: "Web" in "Webseite" does not
                Wir wollen einen Chatbot auf unserer Webseite.
                Welche Händler nutzen KI?
                Brauchen wir einen Softwareentwickler für die KI?
                # a verb in -ieren is no compound of the Branche it starts with ("Finanzbranche", "Finanzdienstleistung")
                Wer hat die Studie finanziert?
                """)
        void should_not_lock_a_question_to_a_case_by_a_title_word(String question) {
            assertThat(read(question).caseIds()).isEmpty();
        }

        @ParameterizedTest(name = "{0} names {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Welche Tipps gibt es bei B5? | B5
                Was hat K 3 gemacht? | K3
                Welche Herausforderungen hatte die Logistikfirma? | B5
                Wie war das im Gesundheitswesen? | B7
                Wie hat der IT-Dienstleister das gelöst? | B6
                Was macht das Konsumgüterunternehmen mit KI? | B2
                # the firm named by the person or firm of its Branche: a nomen agentis, a firm head on the modifier
                Was rät da der Außenhändler? | B1
                Was sagt der Logistiker zur Datenqualität? | B5
                Was meint die Webagentur dazu? | K1
                Hat die Web-Agentur einen Chatbot? | K1
                Was hat die Innovationsagentur gelernt? | K7
                """)
        void should_name_a_case_by_id_or_branche(String question, String caseId) {
            assertThat(read(question).caseIds()).containsExactly(caseId);
        }

        @Test
        void should_read_the_taetigkeit_not_the_case_titled_with_it() {
            AnalyzedQuestion question = read("Welche Erfolgsfaktoren gab es in der Kapazitätsplanung?");
            assertThat(question.activity()).isEqualTo(Activity.KAPAZITAETSPLANUNG);
            assertThat(question.caseIds()).isEmpty();
        }
    }

    @Nested
    class Conversations {

        final Turn logistics = new Turn(Turn.Role.USER, "Welche Herausforderungen hatte die Logistikfirma bei den Rechnungen?");
        final Turn answer = new Turn(Turn.Role.ASSISTANT, "B5 (Logistik) nennt Datenqualität und Schnittstellen.");

        @Test
        void should_inherit_the_case_when_the_question_refers_back() {
            AnalyzedQuestion question = read("Und wie lange hat das gedauert?", logistics, answer);
            assertThat(question.followUp()).isTrue();
            assertThat(question.caseIds()).containsExactly("B5");
            assertThat(question.topics()).contains(Topic.DAUER);
        }

        @Test
        void should_inherit_the_case_for_a_long_elliptic_follow_up() {
            AnalyzedQuestion question = read("Und wie lange hat das bei denen gedauert, und wie zufrieden waren die "
                    + "Leute am Ende mit der Qualität?", logistics, answer);
            assertThat(question.followUp()).isTrue();
            assertThat(question.caseIds()).containsExactly("B5");
        }

        @Test
        void should_inherit_the_case_for_dort() {
            AnalyzedQuestion question = read("Welche Tipps gab es dort?", logistics, answer);
            assertThat(question.caseIds()).containsExactly("B5");
            assertThat(question.topics()).containsExactly(Topic.TIPPS);
        }

        @ParameterizedTest(name = "{0} starts fresh")
        @CsvSource(delimiter = '|', textBlock = """
                Was ist das Fazit der Studie?
                Was sagt die Studie insgesamt zum Betriebsrat?
                Wer hat die Studie gemacht?
                Welche Erfolgsfaktoren nennt K2?
                """)
        void should_start_fresh_with_a_subject_of_its_own(String message) {
            AnalyzedQuestion question = read(message, logistics, answer);
            assertThat(question.followUp()).isFalse();
            assertThat(question.caseIds()).doesNotContain("B5");
        }
    }

    @ParameterizedTest(name = "{0}: which cases = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bei wem war Zeitdruck ein Problem bei der Einführung? | true
            Hatten auch andere Firmen Probleme mit älteren Mitarbeitenden? | true
            Die Tester meckern nur über die Optik – kennt das jemand aus der Studie? | true
            Unsere Älteren wollen nicht mehr umlernen. Hatte das schon mal wer? | true
            Did anyone involve their customers? | true
            Welche Unternehmen hatten einen Betriebsrat? | true
            In welchen Fällen gab es externe Hilfe? | true
            Which companies used a chatbot? | true
            Wie lange hat die Einführung bei B4 gedauert? | false
            Was hat das Unternehmen aus der Logistik anders gemacht? | false
            Wie haben die Firmen ihre Mitarbeitenden geschult? | false
            """)
    void should_tell_questions_that_ask_for_every_case(String question, boolean whichCases) {
        assertThat(read(question).whichCases()).isEqualTo(whichCases);
    }

    /** Questions about the study itself (its makers, method, sample, conclusion) against case questions that say "Studie". */
    @Nested
    class StudyItself {

        @ParameterizedTest(name = "{0} is about the study")
        @CsvSource(delimiter = '|', value = {
                "Welche Institute stehen hinter der Untersuchung?",
                "Wer hat die Broschüre herausgegeben?",
                "Wie viele Interviews umfasste die Befragung?",
                "Wie lange dauerte ein Interview der Studie?",
                "Wie wurden die Teilnehmenden der Studie ausgewählt?",
                "Welche Unternehmensgrößen waren in der Stichprobe?",
                "Was ist das Fazit der Studie?",
                "Worauf zielt die Studie ab?",
                "Who wrote the study?",
        })
        void should_read_a_question_about_the_study_itself(String question) {
            assertThat(read(question).topics()).contains(Topic.STUDIE);
        }

        @ParameterizedTest(name = "{0} is about the cases")
        @CsvSource(delimiter = '|', value = {
                // a case or a Tätigkeit named: the study is only where the case is told
                "Was sagt die Studie über die Herausforderungen bei der Logistikfirma?",
                "Wie lange dauerte laut Studie die Einführung bei B5?",
                "Welche Tipps gibt die Studie für die Buchhaltung?",
                // which cases did something: the cases, however the study is named
                "Welche Firmen in der Studie hatten einen Betriebsrat?",
                "Welche Unternehmen der Studie setzen einen Chatbot ein?",
                // a study concept (the Hemmnisse of Studie 1: "Hürde") whose other words only the cases hold
                "Welche Hürden gab es bei der automatischen Rechnungsprüfung?",
                // no word for the study at all
                "Wie lange hat die Einführung gedauert?",
                "Welche Erfolgsfaktoren nennen die Firmen?",
        })
        void should_leave_a_case_question_that_names_the_study_with_the_cases(String question) {
            assertThat(read(question).topics()).doesNotContain(Topic.STUDIE);
        }

        @Test
        void should_read_a_question_about_the_study_on_its_own_even_after_a_case() {
            // given
            Turn before = new Turn(Turn.Role.USER, "Wie lange dauerte die Einführung bei der Logistikfirma?");
            // when
            AnalyzedQuestion question = read("Und wie lange dauerten die Interviews der Studie?", before);
            // then
            assertThat(question.topics()).contains(Topic.STUDIE);
            assertThat(question.caseIds()).isEmpty();
            assertThat(question.followUp()).isFalse();
        }
    }
}
