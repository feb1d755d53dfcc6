package de.studienlotse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionaries' answers kept between starts: restored, they answer exactly as the dictionaries did. */
class GermanMorphologyMemoTests {

    static final List<String> WORDS = List.of("Ängste", "Fachkräftemangel", "eingeführt", "Kapazitaetsplanung",
            "Eingangsrechnungen", "Tipps", "Ingenieurdienstleistern", "Rechnugen", "Wetter", "Mitarbeitende");

    @Test
    void should_answer_the_same_after_restoring_a_saved_memo(@TempDir Path directory) throws Exception {
        // given the answers of one start, saved
        GermanMorphology first = GermanMorphology.load();
        WORDS.forEach(word -> {
            first.lemmas(word);
            first.parts(word);
        });
        Path memo = directory.resolve("morphologie.tsv");
        first.save(memo);

        // when the next start restores them
        GermanMorphology next = GermanMorphology.load();
        int restored = next.restore(memo);

        // then
        assertThat(restored).isGreaterThanOrEqualTo(WORDS.size());
        GermanMorphology fresh = GermanMorphology.load();
        for (String word : WORDS) {
            assertThat(next.lemmas(word)).as("lemmas of %s", word).isEqualTo(fresh.lemmas(word));
            assertThat(next.parts(word)).as("parts of %s", word).isEqualTo(fresh.parts(word));
        }
        // a word the memo does not know is still looked up
        assertThat(next.lemmas("Betriebsräte")).isEqualTo(fresh.lemmas("Betriebsräte"));
    }

    @Test
    void should_ignore_a_missing_or_unreadable_memo(@TempDir Path directory) throws Exception {
        // given
        Path garbled = directory.resolve("garbled.tsv");
        Files.writeString(garbled, "not a memo\nL\tonly two fields\n");
        GermanMorphology morphology = GermanMorphology.load();

        // when
        int missing = morphology.restore(directory.resolve("missing.tsv"));
        int unreadable = morphology.restore(garbled);

        // then
        assertThat(missing).isZero();
        assertThat(unreadable).isZero();
        assertThat(morphology.lemmas("Ängste")).containsExactly("Angst");
    }

    @Test
    void should_name_the_memo_by_the_code_and_dictionaries_that_made_it() {
        // when
        String fingerprint = GermanMorphology.fingerprint();

        // then the same for the same code and libraries, a file name part
        assertThat(fingerprint).hasSize(16).matches("[0-9a-f]+").isEqualTo(GermanMorphology.fingerprint());
    }
}
