package de.studienlotse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class RankFusionTests {

    static ScoreDoc[] docs(int... ids) {
        return Arrays.stream(ids).mapToObj(id -> new ScoreDoc(id, 100 - id)).toArray(ScoreDoc[]::new);
    }

    static List<Integer> ids(ScoreDoc[] fused) {
        return Arrays.stream(fused).map(d -> d.doc).toList();
    }

    @Test
    void should_put_a_document_both_rankings_hold_before_one_that_only_one_ranks_first() {
        // when: 3 is second in both, 1 and 4 first in one each
        ScoreDoc[] fused = RankFusion.fuse(List.of(new RankFusion.Ranking(docs(1, 3, 2), 1f),
                new RankFusion.Ranking(docs(4, 3, 5), 1f)));

        // then
        assertThat(ids(fused)).containsExactly(3, 1, 4, 2, 5);
        assertThat(fused[0].score).isEqualTo(2f / (RankFusion.K + 2));
    }

    @Test
    void should_let_the_first_ranking_decide_between_equal_scores() {
        // when
        ScoreDoc[] fused = RankFusion.fuse(List.of(new RankFusion.Ranking(docs(7), 1f), new RankFusion.Ranking(docs(8), 1f)));

        // then
        assertThat(ids(fused)).containsExactly(7, 8);
    }

    @Test
    void should_weigh_each_ranking() {
        // when: the second ranking counts twice
        ScoreDoc[] fused = RankFusion.fuse(List.of(new RankFusion.Ranking(docs(1, 2), 1f), new RankFusion.Ranking(docs(2, 1), 2f)));

        // then
        assertThat(ids(fused)).containsExactly(2, 1);
    }
}
