package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTests {

    @Test
    void should_read_printed_durations_as_months_taking_the_upper_bound_of_ranges() {
        assertThat(Durations.months("9 Monate")).hasValue(9.0);
        assertThat(Durations.months("2-3 Jahre")).hasValue(36.0);
        assertThat(Durations.months("3,5 Monate")).hasValue(3.5);
        assertThat(Durations.months("ca. 18 Monate inkl. Testphase")).hasValue(18.0);
        assertThat(Durations.months("2 Wochen").getAsDouble()).isBetween(0.4, 0.5);
        assertThat(Durations.months("mehrere Monate")).isEmpty();
    }

    @Test
    void should_read_a_limit_from_a_question_in_words_or_digits() {
        assertThat(Durations.limit("Welche Einführungen waren in weniger als zwei Monaten abgeschlossen?"))
                .hasValue(new Durations.Limit(true, 2.0));
        assertThat(Durations.limit("Which took more than 1 year?")).hasValue(new Durations.Limit(false, 12.0));
        assertThat(Durations.limit("Wie lange dauerte es?")).isEmpty();
        assertThat(new Durations.Limit(true, 2.0).accepts(Durations.months("4 Wochen").getAsDouble())).isTrue();
        assertThat(new Durations.Limit(true, 2.0).accepts(Durations.months("9 Monate").getAsDouble())).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} states {1} months")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            Vor dem Einsatz durchlief jedes Modul eine dreimonatige Pilotphase. | 3.0
            Es folgte eine drei Monate lange iterative Testphase. | 3.0
            Über drei Monate wurden umfangreiche Tests durchgeführt. | 3.0
            ca. 18 Monate inkl. Testphase | 18.0
            Dauer der Einführung: 2 Jahre pro Modul | 24.0
            """)
    void should_read_every_duration_a_text_states(String text, double months) {
        assertThat(Durations.stated(text)).contains(months);
    }

    @org.junit.jupiter.api.Test
    void should_not_take_words_that_merely_start_like_a_number_for_a_duration() {
        assertThat(Durations.stated("Ein Monatsabschluss und ein Jahresbericht wurden erstellt.")).isEmpty();
    }
}
