package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.SearchProperties;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Abstention from the evidence of the passages found, on the real study and index. */
class AbstentionTests {

    static final AnswerProperties PROPERTIES = new AnswerProperties(8, 3, 12,
            new AnswerProperties.AbstentionProperties(0.22, 0.20, 1.0, 0.3), 360);
    static final PassageIndex INDEX = PassageIndex.create(QuestionAnalyzerTests.STUDY, SearchProperties.defaults());
    static final QuestionAnalyzer ANALYZER = new QuestionAnalyzer(QuestionAnalyzerTests.STUDY, INDEX);
    static final SourceSelector SELECTOR = new SourceSelector(INDEX, QuestionAnalyzerTests.STUDY, PROPERTIES);
    static final Abstention ABSTENTION = new Abstention(PROPERTIES, QuestionAnalyzerTests.STUDY, INDEX);

    record Decided(AnalyzedQuestion question, SourceSelector.Selection selection, Abstention.Evidence evidence,
                   Optional<Abstention.Reason> reason) {
    }

    static Decided decide(String text) {
        AnalyzedQuestion question = ANALYZER.analyze(new AnswerRequest(text, List.of(), null, null));
        SourceSelector.Selection selection = SELECTOR.select(question);
        return new Decided(question, selection, ABSTENTION.evidence(question, selection), ABSTENTION.reason(question, selection));
    }

    @Test
    void should_weigh_coverage_concepts_and_unknown_nouns() {
        // given
        Abstention.Evidence evidence = new Abstention.Evidence(0.4, 2, 1);
        // when
        double score = evidence.score(new AnswerProperties.AbstentionProperties(0.14, 0.5, 0.8));
        // then 0.4 + 2 × 0.5 − 1 × 0.8
        assertThat(score).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void should_know_an_everyday_word_through_the_concept_layer() {
        // given "Bammel" is a phrasing of a concept of worries (konzept-woerter.tsv) that no passage uses
        Decided decided = decide("Hatten die Angestellten Bammel vor der KI?");
        // then it is no unknown noun, and the question is answered
        QueryTerms.QueryTerm bammel = decided.selection().terms().terms().stream()
                .filter(t -> t.word().equals("Bammel")).findFirst().orElseThrow();
        assertThat(bammel.inIndex()).isFalse();
        assertThat(bammel.inConcept()).isTrue();
        assertThat(decided.evidence().unknownNouns()).isZero();
        assertThat(decided.reason()).isEmpty();
    }

    @Test
    void should_count_a_noun_the_study_never_uses() {
        // when
        Decided decided = decide("Welche Förderprogramme gibt es in Bayern für die Digitalisierung?");
        // then (and, a Bundesland being a detail the study does not report, it is refused as such: NotReportedTests)
        assertThat(decided.evidence().unknownNouns()).isPositive();
        assertThat(decided.reason()).contains(Abstention.Reason.NOT_REPORTED);
    }

    @Test
    void should_refuse_a_question_far_from_the_study() {
        // when
        Decided decided = decide("Welche Mehlsorte eignet sich für Dinkelbrötchen?");
        // then
        assertThat(decided.evidence().concepts()).isZero();
        assertThat(decided.reason()).contains(Abstention.Reason.OUT_OF_DOMAIN);
    }

    @Test
    void should_count_concepts_a_top_source_shares_with_the_question() {
        // when the question speaks of data protection and acceptance in the staff, in its own words
        Decided decided = decide("Hatten die Leute Angst um ihre Daten?");
        // then the first sources carry study concepts the question names, and the question is answered
        assertThat(decided.evidence().concepts()).isPositive();
        assertThat(decided.reason()).isEmpty();
    }

    @Test
    void should_take_a_named_case_as_covered() {
        // when
        Decided decided = decide("Wer arbeitet bei K3 mit der KI?");
        // then
        assertThat(decided.evidence().coverage()).isEqualTo(1.0);
        assertThat(decided.reason()).isEmpty();
    }

    @Test
    void should_say_no_amounts_whatever_the_evidence() {
        // when the case and the topic are in the study, the kind of answer is not
        Decided decided = decide("Wie viel Euro hat die Rechnungssoftware bei B4 gekostet?");
        // then
        assertThat(decided.reason()).contains(Abstention.Reason.NO_AMOUNTS);
        assertThat(ABSTENTION.fixedReason(decided.question(), decided.selection())).contains(Abstention.Reason.NO_AMOUNTS);
    }

    @Test
    void should_say_no_names() {
        // when
        Decided decided = decide("Wie heißt die Firma hinter Fall P2?");
        // then
        assertThat(decided.reason()).contains(Abstention.Reason.NO_NAMES);
    }

    @Test
    void should_weigh_a_common_noun_the_study_lacks_less_than_a_name_it_lacks() {
        // given
        AnswerProperties.AbstentionProperties weights = new AnswerProperties.AbstentionProperties(0.27, 0.0, 1.0, 0.4);
        // when: the same evidence with one unknown name, or one unknown common noun
        double withName = new Abstention.Evidence(0.8, 0, 1, 0).score(weights);
        double withCommonNoun = new Abstention.Evidence(0.8, 0, 0, 1).score(weights);
        // then
        assertThat(withName).isLessThan(weights.minEvidence());
        assertThat(withCommonNoun).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9)).isGreaterThan(weights.minEvidence());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            # a place or a term the study never names weighs as a name; everyday nouns are German's common words
            Kam die Idee für die KI bei B4 aus Brüssel?                       | 1 | 0
            Hat die Kundenberatung bei K3 Salesforce angebunden?              | 1 | 0
            Lief die Rechnungs-KI bei B4 auf einem Server im Keller?          | 0 | 1
            Wie setzen sich die Befragten nach Geschlecht zusammen?           | 0 | 1
            # the noun a "welcher …?" asks for is the answer: the study lacking it weighs as a name
            Welcher Paragraph regelt die Mitbestimmung bei KI?                | 1 | 0
            """)
    void should_tell_names_from_common_nouns_the_study_never_uses(String text, int names, int commonNouns) {
        // when
        Abstention.Evidence evidence = decide(text).evidence();
        // then
        assertThat(evidence.unknownNouns()).as("names").isEqualTo(names);
        assertThat(evidence.commonNouns()).as("common nouns").isEqualTo(commonNouns);
    }
}
