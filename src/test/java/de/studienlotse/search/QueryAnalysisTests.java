package de.studienlotse.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryAnalysisTests {

    static final StudyAnalyzer ANALYZER = StudyAnalyzerTests.LIGHT;
    static final QueryAnalysis QUERIES = new QueryAnalysis(ANALYZER, VocabularyBridges.load(ANALYZER),
            Thesaurus.load(ANALYZER), Spelling.NONE);

    @Test
    void should_bridge_everyday_words_to_the_studys_words() {
        // when
        List<QueryWord> concepts = QUERIES.concepts("Wie haben die Kolleginnen reagiert, und was sagte der Chef?");
        // then
        assertThat(concepts).extracting(QueryWord::typed).containsExactly("Kolleginnen", "reagiert", "sagte", "Chef");
        assertThat(concepts.get(0).bridges()).contains("mitarbeitende");
        assertThat(concepts.get(3).bridges()).contains("geschaftsfuhrung");
    }

    @Test
    void should_translate_english_phrases_and_drop_english_function_words() {
        // when
        List<QueryWord> concepts = QUERIES.concepts("Was the works council involved in the invoice processing?");
        // then
        assertThat(concepts).extracting(QueryWord::typed)
                .containsExactly("works council", "involved", "invoice processing");
        assertThat(concepts.get(0).bridges()).contains("betriebsrat");
        assertThat(concepts.get(2).bridges()).contains("rechnungsverarbeitung");
    }

    @Test
    void should_keep_the_questions_own_word_beside_its_bridges_and_parts() {
        // when
        QueryWord concept = QUERIES.concepts("Personalrat und Rechnungsverarbeitung").get(1);
        // then
        assertThat(concept.own()).containsExactly("rechnungsverarbeitung");
        assertThat(concept.parts()).containsExactly("rechnung", "verarbeitung");
    }

    @Test
    void should_count_compound_parts_pro_rata_for_coverage() {
        // given
        QueryWord concept = QUERIES.concepts("Rechnungsverarbeitung").getFirst();
        // then
        assertThat(concept.coverage(java.util.Set.of("rechnungsverarbeitung"))).isEqualTo(1.0);
        assertThat(concept.coverage(java.util.Set.of("rechnung", "prozess"))).isEqualTo(0.5);
        assertThat(concept.coverage(java.util.Set.of("blockchain"))).isEqualTo(0.0);
    }

    @Test
    void should_offer_thesaurus_alternatives_that_are_index_terms() {
        // OpenThesaurus: "Schiss" shares a synset with "Angst", "Chef" with "Vorgesetzter"
        assertThat(QUERIES.concepts("Schiss").getFirst().related()).contains("angst");
        assertThat(QUERIES.concepts("Chef").getFirst().related()).contains("vorgesetzt");
    }

    @Test
    void should_count_a_thesaurus_alternative_as_half_a_match() {
        QueryWord schiss = QUERIES.concepts("Schiss").getFirst();
        assertThat(schiss.coverage(java.util.Set.of("angst"))).isEqualTo(0.5);
        assertThat(schiss.coverage(java.util.Set.of("schiss"))).isEqualTo(1.0);
    }

    @Test
    void should_find_no_concept_in_stop_words_and_punctuation() {
        assertThat(QUERIES.concepts("und die, der? ... !!")).isEmpty();
        assertThat(QUERIES.concepts("")).isEmpty();
    }

    @Test
    void should_search_with_own_words_only_without_bridges() {
        // given
        QueryAnalysis plain = new QueryAnalysis(ANALYZER, VocabularyBridges.none(), Thesaurus.none(), Spelling.NONE);
        // when
        List<QueryWord> concepts = plain.concepts("the Chef");
        // then English function words stay too: without bridges nothing is dropped
        assertThat(concepts).extracting(QueryWord::typed).containsExactly("the", "Chef");
        assertThat(concepts).allSatisfy(c -> assertThat(c.bridges()).isEmpty());
    }
}
