package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.answer.Statement.Support;
import de.studienlotse.corpus.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence-by-sentence grounding on real passages of the study and the index's German analysis. */
class GroundingTests {

    static final Grounding GROUNDING = new Grounding(AbstentionTests.INDEX);

    static Citation cite(int n, String passageId) {
        Passage passage = QuestionAnalyzerTests.STUDY.passage(passageId).orElseThrow();
        return Citation.of(n, passage, passage.caseId() == null ? null
                : QuestionAnalyzerTests.STUDY.caseById(passage.caseId()).orElseThrow());
    }

    @Test
    void should_support_a_verbatim_quote_and_not_an_invented_figure() {
        Citation source = cite(1, "B4.herausforderungen.1");
        String quote = "- **" + source.label() + ":** " + source.quote() + " [1]";
        String invented = "Das Unternehmen sparte so 40.000 Euro Porto im Jahr [1].";

        List<Statement> statements = GROUNDING.statements(quote + "\n\n" + invented, List.of(source));

        assertThat(statements).last().satisfies(s -> {
            assertThat(s.text()).isEqualTo(invented);
            assertThat(s.status()).isEqualTo(Support.UNSUPPORTED);
        });
        assertThat(statements.subList(0, statements.size() - 1)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(Support.SUPPORTED));
    }

    @Test
    void should_read_inflected_and_compound_words_as_the_passage_words_they_are() {
        Citation source = cite(1, "B4.herausforderungen.1");
        // the passage's own nouns, inflected differently and with its case's id
        String paraphrase = "Bei B4 war die " + source.label() + " eine Herausforderung [1].";

        assertThat(GROUNDING.statements(paraphrase, List.of(source)))
                .singleElement().extracting(Statement::status).isEqualTo(Support.SUPPORTED);
    }

    @Test
    void should_mark_a_claim_without_citation_unsupported_and_skip_headings_and_list_introductions() {
        String text = """
                **B4 · E-Commerce – Automatisierte Rechnungsverarbeitung**
                Die Studie nennt diese Herausforderungen:
                Die Firma hat 300 Mitarbeitende.""";

        assertThat(GROUNDING.statements(text, List.of()))
                .singleElement().satisfies(s -> {
                    assertThat(s.text()).isEqualTo("Die Firma hat 300 Mitarbeitende.");
                    assertThat(s.status()).isEqualTo(Support.UNSUPPORTED);
                    assertThat(s.sources()).isEmpty();
                });
    }

    @Test
    void should_not_split_sentences_at_abbreviations() {
        String text = "Die KI erkennt z. B. Rechnungen bzw. Belege [1]. Danach prüft sie sie [1].";

        assertThat(GROUNDING.statements(text, List.of(cite(1, "B4.beschreibung.1"))))
                .extracting(Statement::text)
                .containsExactly("Die KI erkennt z. B. Rechnungen bzw. Belege [1].", "Danach prüft sie sie [1].");
    }

    @Test
    void should_support_a_sentence_that_names_the_concepts_its_cited_passages_are_tagged_with() {
        // given: B3 and B1 name communication and goals; the concept layer tags them so
        List<Citation> sources = List.of(cite(1, "B3.erfolgsfaktoren.2"), cite(2, "B1.erfolgsfaktoren.5"),
                cite(3, "B3.erfolgsfaktoren.4"), cite(4, "B1.erfolgsfaktoren.1"));
        String lead = "Die Studie nennt diese Erfolgsfaktoren aus 2 Fällen, vor allem Kommunikation & Zusammenarbeit [1][2]"
                + " und Vision und Zielorientierung [3][4].";
        String wrong = "Die Studie nennt vor allem Serverkapazität und Cloud [1][2].";

        // when
        List<Statement> statements = GROUNDING.statements(lead + "\n\n" + wrong, sources);

        // then
        assertThat(statements).extracting(Statement::status).containsExactly(Support.SUPPORTED, Support.UNSUPPORTED);
    }

    @Test
    void should_not_read_a_bold_group_heading_with_its_case_ids_as_a_statement() {
        String text = "**Kommunikation & Zusammenarbeit (B3, B1, B6)**";

        assertThat(GROUNDING.statements(text, List.of())).isEmpty();
    }
}
