package de.studienlotse.evaluation.workbench;

import static de.studienlotse.database.Database.instant;
import static de.studienlotse.database.Database.utc;

import de.studienlotse.database.Database;
import de.studienlotse.evaluation.EvaluationRunner.AnsweredQuestion;
import de.studienlotse.evaluation.RunReport;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tables {@code evaluation_run} and {@code evaluation_rating} (V4). A rating is one upsert: stored whole or not at all. */
@Repository
class WorkbenchRepository {

    private static final TypeReference<Map<String, Double>> SUMMARY = new TypeReference<>() { };
    private static final TypeReference<List<AnsweredQuestion>> ANSWERS = new TypeReference<>() { };
    private static final String RUN_HEADLINE = "id, status, started_by, backend, created_at, finished_at, error, summary";
    private static final String RATING_COLUMNS = """
            run_id, question_id, evaluator, question, correctness, groundedness, helpfulness, comment_text, created_at,
            updated_at""";
    private static final String RATING_VALUES = """
            :runId, :questionId, :evaluator, :question, :correctness, :groundedness, :helpfulness, :comment, :createdAt,
            :updatedAt""";

    private final Database database;
    private final JsonMapper json;

    WorkbenchRepository(Database database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    // ------------------------------------------------------------------ runs

    Mono<Void> insertRunning(String id, String startedBy, Instant createdAt) {
        return database.mono(db -> db.sql("INSERT INTO evaluation_run (id, status, started_by, created_at) VALUES (:id, :status, :startedBy, :createdAt)")
                .bind("id", id).bind("status", StoredRun.RUNNING).bind("startedBy", startedBy).bind("createdAt", utc(createdAt))
                .then());
    }

    Mono<Void> finish(String id, RunReport report, List<AnsweredQuestion> answers, Map<String, Double> summary,
                      Instant finishedAt) {
        return database.mono(db -> db.sql("""
                        UPDATE evaluation_run SET status = :status, backend = :backend, finished_at = :finishedAt,
                            summary = :summary, report = :report, answers = :answers WHERE id = :id""")
                .bind("id", id).bind("status", StoredRun.DONE).bind("backend", report.setup().backend())
                .bind("finishedAt", utc(finishedAt)).bind("summary", json.writeValueAsString(summary))
                .bind("report", json.writeValueAsString(report)).bind("answers", json.writeValueAsString(answers))
                .then());
    }

    Mono<Void> fail(String id, String error, Instant finishedAt) {
        return database.mono(db -> db.sql("UPDATE evaluation_run SET status = :status, error = :error, finished_at = :finishedAt WHERE id = :id")
                .bind("id", id).bind("status", StoredRun.FAILED).bind("error", error).bind("finishedAt", utc(finishedAt))
                .then());
    }

    /** Runs a stopped process left as running: they will never finish. */
    Mono<Long> failAbandoned(Instant now) {
        return database.mono(db -> db.sql("UPDATE evaluation_run SET status = :failed, error = :error, finished_at = :now WHERE status = :running")
                .bind("failed", StoredRun.FAILED).bind("running", StoredRun.RUNNING)
                .bind("error", "Der Dienst wurde während des Laufs beendet.").bind("now", utc(now))
                .fetch().rowsUpdated());
    }

    /** All runs, the latest first, without report and answers. */
    Flux<StoredRun> runs() {
        return database.flux(db -> db.sql("SELECT " + RUN_HEADLINE + " FROM evaluation_run ORDER BY created_at DESC, id")
                .map(row -> run(row, false)).all());
    }

    Mono<StoredRun> run(String id) {
        return database.mono(db -> db.sql("SELECT " + RUN_HEADLINE + ", report, answers FROM evaluation_run WHERE id = :id")
                .bind("id", id).map(row -> run(row, true)).one());
    }

    private StoredRun run(Readable row, boolean whole) {
        String summary = row.get("summary", String.class);
        String report = whole ? row.get("report", String.class) : null;
        String answers = whole ? row.get("answers", String.class) : null;
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new StoredRun(row.get("id", String.class), row.get("status", String.class), row.get("started_by", String.class),
                row.get("backend", String.class), instant(row, "created_at"), finished == null ? null : finished.toInstant(),
                row.get("error", String.class), summary == null ? null : json.readValue(summary, SUMMARY),
                report == null ? null : json.readValue(report, RunReport.class),
                answers == null ? null : json.readValue(answers, ANSWERS));
    }

    // ------------------------------------------------------------------ ratings

    /** Stores a rating or replaces this evaluator's earlier one (scores and comment; {@code createdAt} stays). */
    Mono<EvaluatorRating> save(EvaluatorRating rating) {
        String sql = switch (database.dialect()) {
            case POSTGRESQL -> "INSERT INTO evaluation_rating (" + RATING_COLUMNS + ") VALUES (" + RATING_VALUES + """
                    )
                    ON CONFLICT (run_id, question_id, evaluator) DO UPDATE SET correctness = EXCLUDED.correctness,
                        groundedness = EXCLUDED.groundedness, helpfulness = EXCLUDED.helpfulness,
                        comment_text = EXCLUDED.comment_text, updated_at = EXCLUDED.updated_at""";
            case H2 -> """
                    MERGE INTO evaluation_rating r
                    USING (SELECT CAST(:runId AS VARCHAR(36)) AS run_id, CAST(:questionId AS VARCHAR(64)) AS question_id,
                        CAST(:evaluator AS VARCHAR(100)) AS evaluator) k
                    ON r.run_id = k.run_id AND r.question_id = k.question_id AND r.evaluator = k.evaluator
                    WHEN MATCHED THEN UPDATE SET correctness = :correctness, groundedness = :groundedness,
                        helpfulness = :helpfulness, comment_text = :comment, updated_at = :updatedAt
                    WHEN NOT MATCHED THEN INSERT (""" + RATING_COLUMNS + ") VALUES (" + RATING_VALUES + ")";
        };
        return database.mono(db -> {
            GenericExecuteSpec spec = db.sql(sql)
                .bind("runId", rating.runId()).bind("questionId", rating.questionId()).bind("evaluator", rating.evaluator())
                .bind("question", rating.question()).bind("correctness", rating.correctness())
                .bind("groundedness", rating.groundedness()).bind("helpfulness", rating.helpfulness())
                .bind("createdAt", utc(rating.createdAt())).bind("updatedAt", utc(rating.updatedAt()));
            return (rating.comment() == null ? spec.bindNull("comment", String.class) : spec.bind("comment", rating.comment()))
                    .then().then(db.sql("SELECT " + RATING_COLUMNS
                        + " FROM evaluation_rating WHERE run_id = :runId AND question_id = :questionId AND evaluator = :evaluator")
                .bind("runId", rating.runId()).bind("questionId", rating.questionId()).bind("evaluator", rating.evaluator())
                .map(WorkbenchRepository::rating).one());
        });
    }

    Flux<EvaluatorRating> ratings(String runId) {
        return database.flux(db -> db.sql("SELECT " + RATING_COLUMNS + " FROM evaluation_rating WHERE run_id = :runId ORDER BY question_id, evaluator")
                .bind("runId", runId).map(WorkbenchRepository::rating).all());
    }

    /** Every rating of every run, for the exports. */
    Flux<EvaluatorRating> allRatings() {
        return database.flux(db -> db.sql("SELECT " + RATING_COLUMNS + " FROM evaluation_rating ORDER BY run_id, question_id, evaluator")
                .map(WorkbenchRepository::rating).all());
    }

    private static EvaluatorRating rating(Readable row) {
        return new EvaluatorRating(row.get("run_id", String.class), row.get("question_id", String.class),
                row.get("evaluator", String.class), row.get("question", String.class),
                row.get("correctness", Integer.class), row.get("groundedness", Integer.class),
                row.get("helpfulness", Integer.class), row.get("comment_text", String.class),
                instant(row, "created_at"), instant(row, "updated_at"));
    }
}
