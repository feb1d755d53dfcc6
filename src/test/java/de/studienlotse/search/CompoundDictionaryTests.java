package de.studienlotse.search;

import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CompoundDictionaryTests {

    @Test
    void should_hold_the_brochures_own_words_folded() {
        // when
        CharArraySet dictionary = CompoundDictionary.of(Brochure.study());
        // then
        assertThat(dictionary.contains("rechnungen")).isTrue();
        assertThat(dictionary.contains("verarbeitung")).isTrue();
        assertThat(dictionary.contains("kapazitat")).as("singular of Kapazitäten, folded").isTrue();
        assertThat(dictionary.contains("datenschutz")).isTrue();
    }

    @Test
    void should_drop_words_that_are_compounds_of_other_words() {
        // when
        CharArraySet dictionary = CompoundDictionary.of(Brochure.study());
        // then
        assertThat(dictionary.contains("kundenberatung")).isFalse();
        assertThat(dictionary.contains("rechnungsverarbeitung")).isFalse();
    }

    @Test
    void should_apply_the_hand_written_list() {
        // when
        CharArraySet dictionary = CompoundDictionary.fromTexts(List.of("Stellenabbau, Ende, Mitarbeitende"));
        // then "abbau" and "stelle" are ours; "ende" is removed on purpose
        assertThat(dictionary.contains("abbau")).isTrue();
        assertThat(dictionary.contains("ende")).isFalse();
        assertThat(dictionary.contains("mitarbeitende")).isTrue();
    }

    @Test
    void should_add_the_singular_of_suffix_nouns_that_take_a_linking_s() {
        // given "Rechnungen" only, as in "Verarbeitung eingehender Rechnungen"
        // when
        CharArraySet dictionary = CompoundDictionary.fromTexts(List.of("eingehender Rechnungen"));
        // then "Rechnungs|verarbeitung" can be split at "rechnung"
        assertThat(dictionary.contains("rechnung")).isTrue();
    }

    @Test
    void should_recognise_compounds_with_and_without_linking_elements() {
        // given
        Set<String> words = Set.of("kunden", "beratung", "rechnung", "verarbeitung", "arbeit", "zeit");
        // then
        assertThat(CompoundDictionary.isCompound("kundenberatung", words)).isTrue();
        assertThat(CompoundDictionary.isCompound("rechnungsverarbeitung", words)).isTrue();
        assertThat(CompoundDictionary.isCompound("arbeitszeit", words)).isTrue();
        assertThat(CompoundDictionary.isCompound("beratung", words)).isFalse();
        assertThat(CompoundDictionary.isCompound("zeitarbeitx", words)).isFalse();
    }
}
