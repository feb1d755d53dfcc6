package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.util.List;

class CitationFilterTests {

    @Test
    void should_pass_markers_that_name_a_source() {
        assertThat(CitationFilter.check("Die Datenqualität war gering [1]. Es fehlte ein Zeitplan [3].", 3))
                .isEqualTo("Die Datenqualität war gering [1]. Es fehlte ein Zeitplan [3].");
    }

    @Test
    void should_drop_markers_that_name_no_source() {
        CitationFilter filter = new CitationFilter(2);

        String text = filter.accept("Richtig [2], erfunden [7] und [0].") + filter.flush();

        assertThat(text).isEqualTo("Richtig [2], erfunden und.");
        assertThat(filter.removed()).containsExactlyInAnyOrder(7, 0);
    }

    @Test
    void should_split_lists_of_numbers_into_single_markers_and_keep_the_valid_ones() {
        assertThat(CitationFilter.check("Beides [2, 5; 9] und [1,1].", 5)).isEqualTo("Beides [2][5] und [1].");
    }

    @Test
    void should_hold_back_a_marker_split_across_deltas() {
        // given
        CitationFilter filter = new CitationFilter(12);

        // when
        String first = filter.accept("Text [1");
        String second = filter.accept("2] weiter [");
        String third = filter.accept("13] Ende");

        // then
        assertThat(first).isEqualTo("Text");
        assertThat(second).isEqualTo(" [12] weiter");
        assertThat(third).isEqualTo(" Ende");
    }

    @Test
    void should_leave_brackets_that_are_not_citations_alone() {
        assertThat(CitationFilter.check("Siehe [Hinweis] und [a] sowie Array[0", 3))
                .isEqualTo("Siehe [Hinweis] und [a] sowie Array[0");
    }

    @Test
    void should_expand_ranges_and_keep_only_existing_sources() {
        assertThat(CitationFilter.check("Mehrere [1-3] und [4–9].", 5)).isEqualTo("Mehrere [1][2][3] und [4][5].");
    }

    @Test
    void should_take_the_space_before_a_dropped_marker_away_even_across_deltas() {
        CitationFilter filter = new CitationFilter(2);

        String text = filter.accept("Es fehlte eine Projektstruktur ") + filter.accept("[9]") + filter.accept(". Weiter [1].")
                + filter.flush();

        assertThat(text).isEqualTo("Es fehlte eine Projektstruktur. Weiter [1].");
    }

    @Test
    void should_list_cited_sources_in_order_of_first_use() {
        de.studienlotse.corpus.Passage a = new de.studienlotse.corpus.Passage("fazit.1", null, "fazit", null, "A", de.studienlotse.corpus.PassageKind.TEXT);
        de.studienlotse.corpus.Passage b = new de.studienlotse.corpus.Passage("fazit.2", null, "fazit", null, "B", de.studienlotse.corpus.PassageKind.TEXT);
        java.util.List<Source> sources = java.util.List.of(new Source(1, a, null, 1, false, false), new Source(2, b, null, 1, false, false));

        assertThat(Citations.of("b [2] a [1] b [2] [7]", sources)).extracting(Citation::passageId)
                .containsExactly("fazit.2", "fazit.1");
    }


    @Test
    void should_drop_marker_whose_number_is_too_large_for_any_source() {
        // given
        CitationFilter filter = new CitationFilter(8);

        // when
        String text = filter.accept("Gering [1]. Die Hotline [08001234567] half nicht [2, 99999999999].") + filter.flush();

        // then
        assertThat(text).isEqualTo("Gering [1]. Die Hotline half nicht [2].");
    }

    @Test
    void should_judge_citation_list_arriving_token_by_token_like_the_whole_list() {
        // given
        CitationFilter filter = new CitationFilter(8);
        String list = "Viele Fälle [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].";
        StringBuilder streamed = new StringBuilder();

        // when: one character at a time, the worst a model's tokenizer can do
        list.chars().forEach(c -> streamed.append(filter.accept(Character.toString(c))));
        streamed.append(filter.flush());

        // then
        assertThat(streamed.toString()).isEqualTo(CitationFilter.check(list, 8))
                .isEqualTo("Viele Fälle [1][2][3][4][5][6][7][8].");
    }

    @Test
    void should_find_no_citation_in_bracketed_number_too_large_for_an_int() {
        // when
        List<Citation> citations = Citations.of("Siehe [123456789012345678901234567890].", List.of());

        // then
        assertThat(citations).isEmpty();
    }
}
