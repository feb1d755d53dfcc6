package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.BrochureParser;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EasyRagBaselineTests {

    @Test
    void should_locate_segments_whose_white_space_the_splitter_changed() {
        // given two overlapping segments, joined with other white space than the text has
        String text = "Erster Absatz.\n\nZweiter   Absatz\nmit Zeile.";
        List<TextSegment> segments = List.of(TextSegment.from("Erster Absatz.\n\nZweiter Absatz"),
                TextSegment.from("Zweiter Absatz mit Zeile.", Metadata.from("index", "1")));
        // when
        List<TextSegment> located = EasyRagBaseline.locate(text, segments);
        // then
        assertThat(located.get(0).metadata().getInteger("start")).isZero();
        assertThat(located.get(0).metadata().getInteger("end")).isEqualTo(text.indexOf("\nmit"));
        assertThat(located.get(1).metadata().getInteger("start")).isEqualTo(text.indexOf("Zweiter"));
        assertThat(located.get(1).metadata().getInteger("end")).isEqualTo(text.length());
        assertThat(located.get(1).metadata().getString("index")).isEqualTo("1");
    }

    @Test
    void should_build_the_easy_rag_defaults_offline_over_the_brochure() throws IOException {
        // given
        String text = Files.readString(Path.of(EvaluationCommand.CORPUS));
        EasyRagBaseline baseline = new EasyRagBaseline(text, BrochureSpans.of(text, BrochureParser.parse(text)));
        // when
        List<Hit> top = baseline.search("Welche Herausforderungen gab es bei der automatisierten Rechnungsverarbeitung?", 10);
        List<Hit> sources = baseline.sources("Welche Herausforderungen gab es bei der automatisierten Rechnungsverarbeitung?");
        // then every segment was found in the text (else the constructor throws), and the defaults give 3 results
        assertThat(baseline.size()).isGreaterThan(50);
        assertThat(top).hasSize(10);
        assertThat(sources).hasSize(3).containsExactlyElementsOf(top.subList(0, 3));
    }
}
