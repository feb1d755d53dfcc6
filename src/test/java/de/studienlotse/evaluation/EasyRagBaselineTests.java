package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
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

    // the real model over the whole brochure is built once, by EvaluationRunnerTests (about 20 s on two cores)
}
