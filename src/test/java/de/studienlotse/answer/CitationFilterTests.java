package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CitationFilterTests {

    @Test
    void should_drop_marker_whose_number_is_too_large_for_any_source() {
        // given
        CitationFilter filter = new CitationFilter(8);

        // when
        String text = filter.accept("Gering [1]. Die Hotline [08001234567] half nicht [2, 99999999999].") + filter.flush();

        // then
        assertThat(text).isEqualTo("Gering [1]. Die Hotline  half nicht [2].");
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
