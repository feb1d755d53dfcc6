package de.studienlotse.evaluation;

import de.studienlotse.answer.Answer;
import de.studienlotse.answer.AnswerRequest;
import de.studienlotse.answer.AnswerService;
import de.studienlotse.answer.Citation;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores answers against evaluation/chat-questions.jsonl: citation precision and recall on cases (study sections for
 * study-level questions), citation validity, abstention accuracy both ways, must-mention coverage.
 */
final class AnswerEvaluation {

    private AnswerEvaluation() {
    }

    record Verdict(ChatQuestion question, Answer answer, double precision, double recall, boolean valid,
                   boolean abstentionRight, double mentioned, long millis) {
    }

    record Scores(int questions, double citationPrecision, double citationRecall, double citationValidity,
                  double refusedWhenShould, double answeredWhenShould, double mustMention, List<Verdict> verdicts) {
    }

    static Scores evaluate(AnswerService service, Study study, List<ChatQuestion> questions) {
        List<Verdict> verdicts = new ArrayList<>();
        for (ChatQuestion q : questions) {
            long start = System.nanoTime();
            Answer answer = service.answer(new AnswerRequest(q.question(), q.turns(), null, null)).block();
            long millis = (System.nanoTime() - start) / 1_000_000;
            Set<String> cited = new LinkedHashSet<>();
            for (Citation c : answer.citations()) {
                cited.add(c.caseId() != null ? c.caseId() : c.section());
            }
            List<String> gold = q.relevant();
            long hits = cited.stream().filter(gold::contains).count();
            double precision = cited.isEmpty() ? 0 : (double) hits / cited.size();
            double recall = gold.isEmpty() ? 0 : (double) gold.stream().filter(cited::contains).count() / gold.size();
            boolean valid = answer.citations().stream().allMatch(c -> study.passage(c.passageId()).isPresent());
            boolean abstentionRight = q.answerable() != answer.abstained();
            String text = normalize(answer.text());
            double mentioned = q.mustMention().isEmpty() ? 1
                    : (double) q.mustMention().stream().filter(m -> text.contains(normalize(m))).count() / q.mustMention().size();
            verdicts.add(new Verdict(q, answer, precision, recall, valid, abstentionRight, mentioned, millis));
        }
        List<Verdict> answerable = verdicts.stream().filter(v -> v.question().answerable() && !v.question().relevant().isEmpty()).toList();
        List<Verdict> unanswerable = verdicts.stream().filter(v -> !v.question().answerable()).toList();
        List<Verdict> shouldAnswer = verdicts.stream().filter(v -> v.question().answerable()).toList();
        return new Scores(verdicts.size(),
                answerable.stream().mapToDouble(Verdict::precision).average().orElse(0),
                answerable.stream().mapToDouble(Verdict::recall).average().orElse(0),
                verdicts.stream().filter(Verdict::valid).count() / (double) verdicts.size(),
                unanswerable.stream().filter(Verdict::abstentionRight).count() / (double) Math.max(1, unanswerable.size()),
                shouldAnswer.stream().filter(Verdict::abstentionRight).count() / (double) Math.max(1, shouldAnswer.size()),
                shouldAnswer.stream().mapToDouble(Verdict::mentioned).average().orElse(0),
                verdicts);
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.GERMAN).replaceAll("[*„“\"]", "").replaceAll("\\s+", " ");
    }
}
