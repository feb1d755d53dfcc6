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
}
