package de.studienlotse.evaluation.workbench;

import de.studienlotse.evaluation.EvaluationRunner.AnsweredQuestion;
import de.studienlotse.evaluation.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run as the workbench shows it.
 *
 * @param status  {@code running}, {@code done} or {@code failed}
 * @param summary headline metrics (null while running)
 * @param report  the whole report, null in lists and while running
 * @param answers the answers behind the report, null in lists and while running
 */
record StoredRun(String id, String status, String startedBy, String backend, Instant createdAt, Instant finishedAt,
                 String error, Map<String, Double> summary, RunReport report, List<AnsweredQuestion> answers) {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** Without report and answers: a row of the list. */
    StoredRun headline() {
        return new StoredRun(id, status, startedBy, backend, createdAt, finishedAt, error, summary, null, null);
    }
}
