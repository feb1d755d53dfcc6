package de.studienlotse.evaluation;

import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.PassageKind;
import de.studienlotse.search.SearchHit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetrievalEvaluationTests {

    @Test
    void should_count_the_share_of_gold_cases_in_the_first_five_hits() {
        // given
        RetrievalQuestion question = question(List.of("B4", "B5"), List.of("B4.prozess", "B5.prozess"));
        List<SearchHit> hits = hits("K1.ziel.1", "B4.prozess.1", "B4.prozess.2", "K2.ziel.1", "P1.ziel.1",
                "B5.prozess.1");
        // when
        double recall = RetrievalEvaluation.recall(question, hits);
        double reciprocalRank = RetrievalEvaluation.reciprocalRank(question, hits);
        // then B5 is sixth: outside Recall@5, the first gold hit is second
        assertThat(recall).isEqualTo(0.5);
        assertThat(reciprocalRank).isEqualTo(0.5);
    }

    @Test
    void should_score_study_level_questions_by_section() {
        // given
        RetrievalQuestion question = question(List.of(), List.of("fazit", "methodik"));
        List<SearchHit> hits = hits("B1.tipps.1", "einleitung.1", "fazit.3");
        // then
        assertThat(RetrievalEvaluation.recall(question, hits)).isEqualTo(0.5);
        assertThat(RetrievalEvaluation.reciprocalRank(question, hits)).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void should_read_the_gold_question_file() {
        // when
        List<RetrievalQuestion> questions = RetrievalQuestion.read(Path.of(EvaluationCommand.QUESTIONS));
        // then
        assertThat(questions).isNotEmpty().allSatisfy(q -> {
            assertThat(q.question()).isNotBlank();
            if (q.answerable()) {
                assertThat(q.relevant()).isNotEmpty();
            }
        });
    }

    private static RetrievalQuestion question(List<String> cases, List<String> sections) {
        return new RetrievalQuestion("r000", "de", "case-fact", "Frage", true, cases, sections);
    }

    private static List<SearchHit> hits(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> {
            String[] parts = id.split("\\.");
            boolean caseLevel = parts.length == 3;
            Passage passage = new Passage(id, caseLevel ? parts[0] : null, caseLevel ? parts[1] : parts[0], null,
                    "Text", PassageKind.TEXT);
            return new SearchHit(passage, null, 1.0f, 1.0);
        }).toList();
    }
}
