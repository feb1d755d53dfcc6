package de.studienlotse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.studienlotse.answer.Citation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every figure of the report against values worked out by hand on small made-up rankings. */
class MetricsTests {

    private static final double EPSILON = 1e-9;

    /** K1, B4, B4, K2, P1, B5: the first gold case is second, the other sixth. */
    private static final List<Set<String>> RANKING = List.of(Set.of("K1"), Set.of("B4"), Set.of("B4"), Set.of("K2"),
            Set.of("P1"), Set.of("B5"));
    private static final Set<String> GOLD = Set.of("B4", "B5");

    @Nested
    class RecallAtK {

        @Test
        void should_count_the_share_of_gold_keys_in_the_first_k_hits() {
            assertThat(Metrics.recallAt(RANKING, GOLD, 1)).isEqualTo(0.0);
            assertThat(Metrics.recallAt(RANKING, GOLD, 5)).isEqualTo(0.5);
            assertThat(Metrics.recallAt(RANKING, GOLD, 10)).isEqualTo(1.0);
        }

        @Test
        void should_count_a_chunk_for_every_case_it_overlaps() {
            // given a chunk across the boundary of B1 and B2
            List<Set<String>> ranking = List.of(Set.of("B1", "B2"), Set.of("K3"));
            // then
            assertThat(Metrics.recallAt(ranking, Set.of("B2", "K3", "P4"), 1)).isCloseTo(1 / 3.0, within(EPSILON));
            assertThat(Metrics.recallAt(ranking, Set.of("B2", "K3", "P4"), 5)).isCloseTo(2 / 3.0, within(EPSILON));
        }

        @Test
        void should_score_study_level_questions_by_section() {
            List<Set<String>> ranking = List.of(Set.of("B1.tipps"), Set.of("einleitung"), Set.of("fazit"));
            assertThat(Metrics.recallAt(ranking, Set.of("fazit", "methodik"), 5)).isEqualTo(0.5);
        }

        @Test
        void should_score_zero_for_no_hits_and_refuse_questions_without_gold() {
            assertThat(Metrics.recallAt(List.of(), GOLD, 5)).isEqualTo(0.0);
            assertThatThrownBy(() -> Metrics.recallAt(RANKING, Set.of(), 5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ReciprocalRank {

        @Test
        void should_take_the_rank_of_the_first_relevant_hit() {
            assertThat(Metrics.reciprocalRank(RANKING, GOLD, 10)).isEqualTo(0.5);
            assertThat(Metrics.reciprocalRank(List.of(Set.of("B5")), GOLD, 10)).isEqualTo(1.0);
            assertThat(Metrics.reciprocalRank(List.of(Set.of("B1"), Set.of("einleitung"), Set.of("fazit")),
                    Set.of("fazit"), 10)).isCloseTo(1 / 3.0, within(EPSILON));
        }

        @Test
        void should_score_zero_when_the_first_relevant_hit_is_below_the_cut_off() {
            assertThat(Metrics.reciprocalRank(RANKING, Set.of("B5"), 5)).isEqualTo(0.0);
            assertThat(Metrics.reciprocalRank(RANKING, Set.of("P4"), 10)).isEqualTo(0.0);
        }
    }

    @Nested
    class Ndcg {

        @Test
        void should_discount_each_relevant_key_at_its_first_rank() {
            // DCG = 1/log2(3) + 1/log2(7) = 0.98714 (the repeated B4 on rank 3 gains nothing);
            // ideal = 1 + 1/log2(3) = 1.63093
            assertThat(Metrics.ndcgAt(RANKING, GOLD, 10)).isCloseTo(0.6052602440527057, within(EPSILON));
        }

        @Test
        void should_reward_relevant_keys_ranked_early() {
            // B5 first, B4 third: (1 + 1/log2(4)) / 1.63093
            List<Set<String>> ranking = List.of(Set.of("B5"), Set.of("K1"), Set.of("B4"));
            assertThat(Metrics.ndcgAt(ranking, GOLD, 10)).isCloseTo(0.9197207891481876, within(EPSILON));
            assertThat(Metrics.ndcgAt(List.of(Set.of("B4"), Set.of("B5")), GOLD, 10)).isCloseTo(1.0, within(EPSILON));
        }

        @Test
        void should_ignore_hits_below_the_cut_off() {
            // only B4 on rank 2 is inside the first 5: (1/log2(3)) / 1.63093
            assertThat(Metrics.ndcgAt(RANKING, GOLD, 5)).isCloseTo(0.6309297535714575 / 1.6309297535714575,
                    within(EPSILON));
        }

        @Test
        void should_cap_a_chunk_holding_two_gold_cases_at_one() {
            // DCG = 2 on rank 1 exceeds the ideal 1.63093
            assertThat(Metrics.ndcgAt(List.of(Set.of("B1", "B2")), Set.of("B1", "B2"), 10)).isEqualTo(1.0);
        }

        @Test
        void should_score_zero_without_relevant_hits() {
            assertThat(Metrics.ndcgAt(RANKING, Set.of("P4"), 10)).isEqualTo(0.0);
        }
    }

    @Nested
    class CitationPrecisionAndRecall {

        @Test
        void should_compare_cited_cases_with_gold_cases() {
            Set<String> cited = Set.of("B4", "K1", "fazit");
            assertThat(Metrics.citationPrecision(cited, GOLD)).isCloseTo(1 / 3.0, within(EPSILON));
            assertThat(Metrics.citationRecall(cited, GOLD)).isEqualTo(0.5);
        }

        @Test
        void should_score_an_answer_without_citations_zero_both_ways() {
            assertThat(Metrics.citationPrecision(Set.of(), GOLD)).isEqualTo(0.0);
            assertThat(Metrics.citationRecall(Set.of(), GOLD)).isEqualTo(0.0);
        }

        @Test
        void should_score_exact_citations_one_both_ways() {
            assertThat(Metrics.citationPrecision(GOLD, GOLD)).isEqualTo(1.0);
            assertThat(Metrics.citationRecall(GOLD, GOLD)).isEqualTo(1.0);
        }
    }

    @Nested
    class CitationValidity {

        @Test
        void should_count_citations_whose_number_and_passage_match_a_given_source() {
            // given sources [1] and [2]
            List<Citation> given = List.of(citation(1, "B4.prozess.1"), citation(2, "B4.ziel.1"));
            // when [1] is right, [2] names another passage, [3] was never given
            List<Citation> cited = List.of(citation(1, "B4.prozess.1"), citation(2, "K1.ziel.1"),
                    citation(3, "B4.prozess.1"));
            // then
            assertThat(Metrics.validCitations(cited, given)).isEqualTo(1);
            assertThat(Metrics.validCitations(given, given)).isEqualTo(2);
            assertThat(Metrics.validCitations(List.of(), given)).isZero();
        }

        private static Citation citation(int n, String passageId) {
            return new Citation(n, passageId, passageId.substring(0, 2), null, null, null, "prozess", null, "Text");
        }
    }

    @Nested
    class Abstention {

        @Test
        void should_split_refusing_the_unanswerable_from_answering_the_answerable() {
            // given three answerable questions (one declined) and two unanswerable ones (one declined)
            List<Metrics.Outcome> outcomes = List.of(new Metrics.Outcome(true, false), new Metrics.Outcome(true, true),
                    new Metrics.Outcome(true, false), new Metrics.Outcome(false, true), new Metrics.Outcome(false, false));
            // when
            Metrics.Abstention abstention = Metrics.abstention(outcomes);
            // then
            assertThat(abstention.refusedWhenShould()).isEqualTo(0.5);
            assertThat(abstention.unanswerable()).isEqualTo(2);
            assertThat(abstention.answeredWhenShould()).isCloseTo(2 / 3.0, within(EPSILON));
            assertThat(abstention.answerable()).isEqualTo(3);
        }

        @Test
        void should_leave_a_side_without_questions_undefined() {
            Metrics.Abstention abstention = Metrics.abstention(List.of(new Metrics.Outcome(true, false)));
            assertThat(abstention.refusedWhenShould()).isNull();
            assertThat(abstention.answeredWhenShould()).isEqualTo(1.0);
        }
    }

    @Nested
    class MustMention {

        @Test
        void should_find_facts_regardless_of_case_bold_and_quotes() {
            String answer = "Die Einführung dauerte **9 MONATE** und nutzte „Schulungsvideos“.";
            assertThat(Metrics.mustMention(answer, List.of("9 Monate", "Schulungsvideos", "Betriebsrat")))
                    .isCloseTo(2 / 3.0, within(EPSILON));
        }

        @Test
        void should_match_across_line_breaks_but_not_across_words() {
            assertThat(Metrics.mustMention("ca. 18\nMonate", List.of("18 Monate"))).isEqualTo(1.0);
            assertThat(Metrics.mustMention("18 lange Monate", List.of("18 Monate"))).isEqualTo(0.0);
        }

        @Test
        void should_score_one_when_there_is_nothing_to_mention() {
            assertThat(Metrics.mustMention("Dazu enthält die Studie keine Angaben.", List.of())).isEqualTo(1.0);
        }
    }

    @Nested
    class Percentiles {

        @Test
        void should_take_the_nearest_rank() {
            double[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
            // p50: rank ceil(0.5 * 10) = 5 -> 5; p95: rank ceil(9.5) = 10 -> 10
            assertThat(Metrics.percentile(values, 50)).isEqualTo(5.0);
            assertThat(Metrics.percentile(values, 95)).isEqualTo(10.0);
        }

        @Test
        void should_take_the_nearest_rank_of_twenty_values() {
            double[] values = new double[20];
            for (int i = 0; i < 20; i++) values[i] = 20 - i; // 20 .. 1, unsorted on purpose
            // p50: rank 10 -> 10; p95: rank 19 -> 19
            assertThat(Metrics.percentile(values, 50)).isEqualTo(10.0);
            assertThat(Metrics.percentile(values, 95)).isEqualTo(19.0);
        }

        @Test
        void should_handle_one_value_and_none() {
            assertThat(Metrics.percentile(new double[]{7}, 50)).isEqualTo(7.0);
            assertThat(Metrics.percentile(new double[]{7}, 95)).isEqualTo(7.0);
            assertThat(Metrics.percentile(new double[0], 50)).isNull();
        }
    }
}
