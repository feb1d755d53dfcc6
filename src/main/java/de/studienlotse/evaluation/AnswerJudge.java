package de.studienlotse.evaluation;

import de.studienlotse.answer.Citation;
import java.util.List;

/**
 * Judges how faithful an answer is to the passages it cites. The service has none ({@link #OFF}); the evaluation
 * command brings the LLM judge, which stays out of the executable jar.
 */
public interface AnswerJudge {

    /** No judge: what the service's Werkbank runs use. */
    AnswerJudge OFF = new AnswerJudge() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public String state() {
            return "off";
        }

        @Override
        public Verdict judge(String question, String answer, List<Citation> cited) {
            throw new IllegalStateException("no judge");
        }
    };

    /** Whether a run asks it about every answer that cites. */
    boolean active();

    /** What the report says about the judge: "off", "on (backend)", or why it did not run. */
    String state();

    Verdict judge(String question, String answer, List<Citation> cited);

    /** The verdict on one answer as the report needs it. */
    interface Verdict {

        /** Supported / all claims; null when there is no claim or the judge's reply was unreadable. */
        Double faithfulness();

        /** Why the judge's reply could not be read, else null. */
        String error();
    }
}
