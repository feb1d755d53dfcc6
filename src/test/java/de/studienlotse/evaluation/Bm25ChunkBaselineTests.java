package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.BrochureParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25ChunkBaselineTests {

    @Test
    void should_cut_500_character_windows_every_450_characters() {
        assertThat(Bm25ChunkBaseline.chunks(1000)).containsExactly(new int[]{0, 500}, new int[]{450, 950},
                new int[]{900, 1000});
        assertThat(Bm25ChunkBaseline.chunks(950)).containsExactly(new int[]{0, 500}, new int[]{450, 950});
        assertThat(Bm25ChunkBaseline.chunks(300)).containsExactly(new int[]{0, 300});
    }

    @Test
    void should_find_the_chunk_of_the_case_that_uses_the_word() throws IOException {
        // given
        String text = Files.readString(Path.of(EvaluationCommand.CORPUS));
        Bm25ChunkBaseline baseline = new Bm25ChunkBaseline(text, BrochureSpans.of(text, BrochureParser.parse(text)));
        // when
        List<Hit> hits = baseline.search("Versanddienstleistern", 10);
        // then the title word of P4, verbatim (the table of contents has it too): StandardAnalyzer neither stems nor
        // splits compounds
        assertThat(baseline.size()).isEqualTo((text.length() - Bm25ChunkBaseline.OVERLAP)
                / (Bm25ChunkBaseline.CHUNK - Bm25ChunkBaseline.OVERLAP) + 1);
        assertThat(hits).isNotEmpty();
        assertThat(hits).anySatisfy(hit -> assertThat(hit.cases()).contains("P4"));
    }
}
