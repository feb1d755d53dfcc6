package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real words of the brochure and of everyday questions through the real analyzer and dictionaries. */
class StudyAnalyzerTests {

    static final GermanMorphology MORPHOLOGY = GermanMorphology.load();
    static final StudyAnalyzer LIGHT = new StudyAnalyzer(MORPHOLOGY, StudyAnalyzer.Stemming.LIGHT);
    static final StudyAnalyzer MINIMAL = new StudyAnalyzer(MORPHOLOGY, StudyAnalyzer.Stemming.MINIMAL);

    @Nested
    class Compounds {

        @Test
        void should_stack_the_parts_of_a_compound_on_its_lemma() {
            // given "Eingangsrechnungen" (B5's KI-Anwendung title)
            // when
            List<String> terms = terms(LIGHT, "Eingangsrechnungen");
            // then the whole word's lemma first (from its head "Rechnungen" → Rechnung), then the parts
            assertThat(terms).containsExactly("eingangsrechnung", "eingang", "rechnung");
        }

        @Test
        void should_give_a_compound_query_and_the_plural_in_the_text_a_common_term() {
            // given the question's compound and the brochure's plain plural
            // when
            List<String> query = terms(LIGHT, "Rechnungsverarbeitung");
            List<String> text = terms(LIGHT, "Verarbeitung eingehender Rechnungen");
            // then
            assertThat(query).containsExactly("rechnungsverarbeitung", "rechnung", "verarbeitung");
            assertThat(text).contains("rechnung", "verarbeitung");
        }

        @Test
        void should_find_a_part_the_study_never_uses_alone() {
            // "Schutz" alone is not in the brochure; "Datenschutzthemen" is (B4)
            assertThat(terms(LIGHT, "Die IT kümmerte sich um Datenschutzthemen")).contains("datenschutzthema", "schutz",
                    "thema");
            assertThat(terms(LIGHT, "Schutz")).containsExactly("schutz");
        }

        @Test
        void should_stack_the_heads_of_a_compound_split_into_its_smallest_parts() {
            // jWordSplitter gives Personal, buch, haltung; "Buchhaltung" (a Tätigkeit) must still match
            assertThat(terms(LIGHT, "Personalbuchhaltung")).contains("personalbuchhaltung", "personal",
                    "buchhaltung");
        }

        @Test
        void should_read_the_parts_of_a_noun_as_nouns_also_in_lower_case() {
            // "kram" as a verb would be kramen; "anfragen" the verb
            assertThat(terms(LIGHT, "Papierkram")).containsExactly("papierkram", "papier", "kram");
            assertThat(terms(LIGHT, "kundenanfragen")).isEqualTo(terms(LIGHT, "Kundenanfragen"));
        }

        @Test
        void should_split_the_study_activities_in_either_spelling() {
            assertThat(terms(LIGHT, "Kundenberatung")).containsExactly("kundenberatung", "kunde", "beratung");
            assertThat(terms(LIGHT, "Kapazitätsplanung")).containsExactly("kapazitatsplanung", "kapazitat",
                    "planung");
            assertThat(terms(LIGHT, "Kapazitaetsplanung")).isEqualTo(terms(LIGHT, "Kapazitätsplanung"));
        }

        @Test
        void should_not_split_words_that_are_no_compounds() {
            assertThat(terms(LIGHT, "Dienst")).containsExactly("dienst");
            assertThat(terms(LIGHT, "Betriebsrat")).containsExactly("betriebsrat");
            assertThat(terms(LIGHT, "Mitarbeitende")).containsExactly("mitarbeitende");
        }

        @Test
        void should_stack_parts_on_the_position_of_their_compound() throws IOException {
            // given
            List<Integer> increments = new ArrayList<>();
            try (TokenStream stream = LIGHT.tokenStream("text", "Eingangsrechnungen prüfen")) {
                PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                // when
                while (stream.incrementToken()) {
                    increments.add(position.getPositionIncrement());
                }
                stream.end();
            }
            // then
            assertThat(increments).containsExactly(1, 0, 0, 1);
        }

        @Test
        void should_only_stem_without_morphology() {
            // given
            StudyAnalyzer plain = new StudyAnalyzer(GermanMorphology.none(), StudyAnalyzer.Stemming.LIGHT);
            // then
            assertThat(terms(plain, "Eingangsrechnungen")).containsExactly("eingangsrechnung");
            assertThat(terms(plain, "Tipps")).isNotEqualTo(terms(plain, "Tipp"));
        }
    }

    @Nested
    class Lemmas {

        /** An inflected form and its lemma, and two spellings of one word: the same terms, so either finds the other. */
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({
                // inflections meet their lemma
                "Ängste, Angst",
                "Tipps, Tipp",
                "eingeführt, einführen",
                "angepasst, anpassen",
                "gesträubt, sträuben",
                "Kolleginnen, Kollegin",
                "Mitarbeitenden, Mitarbeitende",
                "Dienstleistern, Dienstleister",
                "Schulungen, Schulung",
                "hatten gedauert, dauern",
                // spellings: umlauts and ß written out, capitals
                "März, Maerz",
                "Kapazitätsplanung, Kapazitaetsplanung",
                "Größe, Groesse",
                "Ängste, Aengste",
                "Einführung, EINFÜHRUNG",
                "Maßnahmen, Massnahmen",
        })
        void should_give_both_forms_the_same_terms(String one, String other) {
            assertThat(terms(LIGHT, one)).isEqualTo(terms(LIGHT, other));
        }

        @Test
        void should_read_a_noun_typed_in_lower_case_as_the_noun() {
            assertThat(terms(LIGHT, "mitarbeitende")).isEqualTo(terms(LIGHT, "Mitarbeitende"));
            assertThat(terms(LIGHT, "rechnungen")).isEqualTo(terms(LIGHT, "Rechnungen"));
        }

        @Test
        void should_prefer_the_noun_reading_of_a_capitalised_word() {
            // "Belege" is also a form of the verb "belegen"
            assertThat(terms(LIGHT, "Belege")).containsExactly("beleg");
        }

        @Test
        void should_stem_words_the_dictionary_does_not_know() {
            // an unknown word stays, and the light stemmer folds its plural
            assertThat(terms(LIGHT, "Quxungen")).isEqualTo(terms(LIGHT, "Quxung")).isNotEmpty();
        }
    }

    @Nested
    class Spellings {

        @ParameterizedTest
        @EnumSource(StudyAnalyzer.Stemming.class)
        void should_reduce_plurals_with_either_stemmer(StudyAnalyzer.Stemming stemming) {
            // given
            Analyzer analyzer = stemming == StudyAnalyzer.Stemming.LIGHT ? LIGHT : MINIMAL;
            // then
            assertThat(terms(analyzer, "Schulungen")).isEqualTo(terms(analyzer, "Schulung"));
            assertThat(terms(analyzer, "Rechnungen")).isEqualTo(terms(analyzer, "Rechnung"));
        }
    }

    @Test
    void should_drop_german_stop_words_and_keep_content_words() {
        // when
        List<String> terms = terms(LIGHT, "Wie lange hat die Einführung gedauert, dass es klappt?");
        // then content words as lemmas
        assertThat(terms).containsExactly("langen", "einfuhrung", "dauern", "klappen");
    }

    @Test
    void should_cut_apostrophe_endings() {
        // "TIPP's für andere Unternehmen" (a section title of the brochure)
        assertThat(terms(LIGHT, "TIPP's")).isEqualTo(terms(LIGHT, "Tipp"));
        assertThat(terms(LIGHT, "Was gibt's?")).isEmpty();
    }

    @Test
    void should_treat_query_syntax_as_plain_characters() {
        assertThat(terms(LIGHT, "\"Datenschutz\" AND (Rechnung*) ~ : [x]"))
                .containsExactly("datenschutz", "datum", "schutz", "and", "rechnung", "x");
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return terms;
    }
}
