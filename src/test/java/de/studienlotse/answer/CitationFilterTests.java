package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

        assertThat(text).isEqualTo("Richtig [2], erfunden  und .");
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
        assertThat(first).isEqualTo("Text ");
        assertThat(second).isEqualTo("[12] weiter ");
        assertThat(third).isEqualTo(" Ende");
    }

    @Test
    void should_leave_brackets_that_are_not_citations_alone() {
        assertThat(CitationFilter.check("Siehe [Hinweis] und [a] sowie Array[0", 3))
                .isEqualTo("Siehe [Hinweis] und [a] sowie Array[0");
    }

    @Test
    void should_list_cited_sources_in_order_of_first_use() {
        assertThat(Citations.of("b [3] a [1] b [3]", java.util.List.of()).size()).isZero();
    }
}
