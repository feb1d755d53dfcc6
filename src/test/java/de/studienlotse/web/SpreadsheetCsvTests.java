package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTests {

    @ParameterizedTest
    @ValueSource(strings = {"=SUMME(A1:A9)", "+49 30 1234", "-1+1", "@heute", "\tTab", "\rWagenrücklauf"})
    void should_defuse_a_cell_a_spreadsheet_would_run_as_formula(String cell) {
        // when
        String row = SpreadsheetCsv.row("id", cell);

        // then: the apostrophe makes it text; a CR inside needs quotes as well
        String field = row.substring("id;".length());
        assertThat(field.replace("\"", "")).startsWith("'" + cell.charAt(0));
    }

    @Test
    void should_quote_only_where_a_field_must_be_quoted() {
        assertThat(SpreadsheetCsv.row("a", null, 3, "x; y", "er sagte \"ja\"", "zwei\nZeilen", "Größe"))
                .isEqualTo("a;;3;\"x; y\";\"er sagte \"\"ja\"\"\";\"zwei\nZeilen\";Größe");
    }

    @Test
    void should_leave_numbers_alone() {
        assertThat(SpreadsheetCsv.row(-1, 5)).isEqualTo("-1;5");
    }
}
