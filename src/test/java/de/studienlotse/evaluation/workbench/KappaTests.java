package de.studienlotse.evaluation.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.studienlotse.evaluation.workbench.Kappa.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa against tables worked out by hand. */
class KappaTests {

    @Test
    void should_compute_kappa_of_two_adjacent_categories_by_hand() {
        // given 10 answers: (5,5) x4, (5,4) x1, (4,4) x4, (4,5) x1
        //   p_o = 8/10 = 0.8; marginals a: 4 -> 0.5, 5 -> 0.5, b the same; p_e = 0.5·0.5 + 0.5·0.5 = 0.5
        //   kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6
        //   quadratic: the two disagreements weigh (1/4)² = 1/16 each; Σw·o = 2 · 1/16 · 1/10 = 0.0125,
        //   Σw·e = (0.25 + 0.25) · 1/16 = 0.03125; 1 - 0.0125 / 0.03125 = 0.6
        List<Pair> pairs = new ArrayList<>();
        repeat(pairs, new Pair(5, 5), 4);
        repeat(pairs, new Pair(5, 4), 1);
        repeat(pairs, new Pair(4, 4), 4);
        repeat(pairs, new Pair(4, 5), 1);

        // then
        assertThat(Kappa.unweighted(pairs)).isEqualTo(0.6);
        assertThat(Kappa.quadratic(pairs)).isEqualTo(0.6);
    }

    @Test
    void should_weigh_a_near_miss_lightly_in_the_quadratic_kappa() {
        // given a: 1 2 3 4 5, b: 1 2 3 5 4
        //   p_o = 3/5 = 0.6; every marginal is 1/5, p_e = 5 · 1/25 = 0.2; kappa = (0.6 - 0.2) / 0.8 = 0.5
        //   quadratic: Σw·o = 2 · (1/16) · (1/5) = 0.025; e_ij = 1/25 everywhere and Σ(i-j)² over the 5x5 table is
        //   2 · (4·1 + 3·4 + 2·9 + 1·16) = 100, so Σw·e = 100/16 · 1/25 = 0.25; 1 - 0.025 / 0.25 = 0.9
        List<Pair> pairs = List.of(new Pair(1, 1), new Pair(2, 2), new Pair(3, 3), new Pair(4, 5), new Pair(5, 4));

        assertThat(Kappa.unweighted(pairs)).isEqualTo(0.5);
        assertThat(Kappa.quadratic(pairs)).isEqualTo(0.9);
    }

    @Test
    void should_be_minus_one_for_systematic_disagreement() {
        // p_o = 0, p_e = 0.5 -> (0 - 0.5) / 0.5 = -1; quadratic: Σw·o = 1/16, Σw·e = 0.5 · 1/16 -> 1 - 2 = -1
        List<Pair> pairs = List.of(new Pair(1, 2), new Pair(2, 1));
        assertThat(Kappa.unweighted(pairs)).isEqualTo(-1.0);
        assertThat(Kappa.quadratic(pairs)).isEqualTo(-1.0);
    }

    @Test
    void should_be_one_for_perfect_agreement_also_on_a_single_category() {
        assertThat(Kappa.unweighted(List.of(new Pair(1, 1), new Pair(3, 3), new Pair(5, 5)))).isEqualTo(1.0);
        assertThat(Kappa.quadratic(List.of(new Pair(1, 1), new Pair(3, 3), new Pair(5, 5)))).isEqualTo(1.0);
        // p_e = 1: 0/0 by the formula, reported as the perfect agreement it is
        assertThat(Kappa.unweighted(List.of(new Pair(4, 4), new Pair(4, 4)))).isEqualTo(1.0);
    }

    @Test
    void should_give_no_kappa_without_common_answers_and_refuse_scores_outside_1_to_5() {
        assertThat(Kappa.unweighted(List.of())).isNull();
        assertThat(Kappa.quadratic(List.of())).isNull();
        assertThatThrownBy(() -> new Pair(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pair(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void repeat(List<Pair> pairs, Pair pair, int times) {
        for (int i = 0; i < times; i++) {
            pairs.add(pair);
        }
    }
}
