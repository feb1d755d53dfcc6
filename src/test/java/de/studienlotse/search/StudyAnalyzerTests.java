package de.studienlotse.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
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

/** Real words of the brochure through the real analyzer, dictionary built from the brochure. */
class StudyAnalyzerTests {

    static final CharArraySet DICTIONARY = CompoundDictionary.of(Brochure.study());
    static final StudyAnalyzer LIGHT = new StudyAnalyzer(DICTIONARY, StudyAnalyzer.Stemming.LIGHT);
    static final StudyAnalyzer MINIMAL = new StudyAnalyzer(DICTIONARY, StudyAnalyzer.Stemming.MINIMAL);

    @Nested
    class Compounds {

        @Test
        void should_split_a_compound_into_words_the_brochure_uses() {
            // given "Eingangsrechnungen" (B5's KI-Anwendung title)
            // when
            List<String> terms = terms(LIGHT, "Eingangsrechnungen");
            // then
            assertThat(terms).containsExactly("eingangsrechnung", "eingang", "rechnung");
        }

        @Test
        void should_give_a_compound_query_and_the_plural_in_the_text_a_common_term() {
            // given the question's compound and the brochure's plain plural
            // when
            List<String> query = terms(LIGHT, "Rechnungsverarbeitung");
            List<String> text = terms(LIGHT, "Verarbeitung eingehender Rechnungen");
            // then the whole compound comes first, then its parts
            assertThat(query).containsExactly("rechnungsverarbeitung", "rechnung", "verarbeitung");
            assertThat(text).contains("rechnung", "verarbeitung");
        }

        @Test
        void should_keep_a_compound_of_the_brochure_whole_inside_a_longer_one() {
            // when
            List<String> terms = terms(LIGHT, "Die IT kümmerte sich um Datenschutzthemen");
            // then "Datenschutz" finds it as a whole word, and it is not split into daten + schutz
            assertThat(terms).contains("datenschutz").doesNotContain("dat", "schutz");
        }

        @Test
        void should_split_a_study_compound_into_its_activity_words() {
            assertThat(terms(LIGHT, "Kundenberatung")).containsExactly("kundenberatung", "kund", "beratung");
            assertThat(terms(LIGHT, "Kapazitätsplanung")).containsExactly("kapazitatsplanung", "kapazitat",
                    "planung");
        }

        @Test
        void should_not_split_short_words_into_noise() {
            assertThat(terms(LIGHT, "Dienst")).containsExactly("dien");
            assertThat(terms(LIGHT, "Betriebsrat")).containsExactly("betriebsrat");
            assertThat(terms(LIGHT, "Mitarbeitende")).containsExactly("mitarbeitend");
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
        void should_decompound_nothing_with_an_empty_dictionary() {
            // given
            StudyAnalyzer plain = new StudyAnalyzer(CharArraySet.EMPTY_SET, StudyAnalyzer.Stemming.LIGHT);
            // then
            assertThat(terms(plain, "Eingangsrechnungen")).containsExactly("eingangsrechnung");
        }
    }

    @Nested
    class Spellings {

        @ParameterizedTest
        @CsvSource({
                "März, Maerz",
                "Kapazitätsplanung, Kapazitaetsplanung",
                "Größe, Groesse",
                "Schulungen, Schulung",
                "Mitarbeitenden, Mitarbeitende",
                "Ängste, Aengste",
                "Einführung, EINFÜHRUNG",
                "Maßnahmen, Massnahmen",
        })
        void should_give_both_spellings_the_same_terms(String one, String other) {
            assertThat(terms(LIGHT, one)).isEqualTo(terms(LIGHT, other));
        }

        @ParameterizedTest
        @EnumSource(StudyAnalyzer.Stemming.class)
        void should_reduce_plurals_with_either_stemmer(StudyAnalyzer.Stemming stemming) {
            // given
            Analyzer analyzer = stemming == StudyAnalyzer.Stemming.LIGHT ? LIGHT : MINIMAL;
            // then
            assertThat(terms(analyzer, "Schulungen")).isEqualTo(terms(analyzer, "Schulung"));
            assertThat(terms(analyzer, "Rechnungen")).isEqualTo(terms(analyzer, "Rechnung"));
        }

        @Test
        void should_stem_further_with_the_light_stemmer_than_with_the_minimal_one() {
            // "Herausforderungen | Erfolgsfaktoren": -en is plural to both; the light stemmer also strips -er
            assertThat(terms(LIGHT, "Dienstleister")).isEqualTo(terms(LIGHT, "Dienstleistern"));
            assertThat(terms(MINIMAL, "Dienstleister")).isNotEqualTo(terms(MINIMAL, "Dienstleistern"));
        }
    }

    @Test
    void should_drop_german_stop_words_and_keep_content_words() {
        // when
        List<String> terms = terms(LIGHT, "Wie lange hat die Einführung gedauert, dass es klappt?");
        // then ("gedauert" also yields the brochure's "Dauer")
        assertThat(terms).containsExactly("lang", "einfuhrung", "gedauert", "dau", "klappt");
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
                .containsExactly("datenschutz", "and", "rechnung", "x");
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
