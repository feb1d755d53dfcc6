package de.studienlotse.evaluation.workbench;

import de.studienlotse.evaluation.EvaluationRunner;
import de.studienlotse.evaluation.EvaluationRunner.AnsweredRun;
import de.studienlotse.evaluation.RunReport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts evaluation runs in the background, one at a time per process: a run of the whole gold set takes up to a
 * minute and blocks (the {@link EvaluationRunner} is synchronous), so it runs on {@code boundedElastic} and the row in
 * {@code evaluation_run} says how it stands.
 *
 * <p>NOTE: "one at a time" holds per process; two instances behind a load balancer could each start one.
 */
@Service
class EvaluationRuns {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private final EvaluationRunner runner;
    private final WorkbenchRepository repository;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<String> running = new AtomicReference<>();

    EvaluationRuns(EvaluationRunner runner, WorkbenchRepository repository) {
        this.runner = runner;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedRuns() {
        repository.failAbandoned(clock.instant())
                .subscribe(n -> { if (n > 0) log.warn("{} evaluation run(s) were left running by a stopped process: marked failed", n); },
                        e -> log.warn("Could not check for abandoned evaluation runs: {}", e.toString()));
    }

    /** Starts a run and answers at once with its id; 409 while another runs. */
    Mono<StoredRun> start(String evaluator) {
        String id = UUID.randomUUID().toString();
        if (!running.compareAndSet(null, id)) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                    "Es läuft bereits ein Evaluationslauf (%s). Bitte warten Sie, bis er fertig ist.".formatted(running.get())));
        }
        var createdAt = clock.instant();
        return repository.insertRunning(id, evaluator, createdAt)
                .doOnError(e -> running.set(null))
                .doOnSuccess(ignored -> execute(id))
                .thenReturn(new StoredRun(id, StoredRun.RUNNING, evaluator, null, createdAt, null, null, null, null, null));
    }

    private void execute(String id) {
        Mono.fromCallable(runner::runWithAnswers)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap((AnsweredRun run) -> repository.finish(id, run.report(), run.answers(), summary(run.report()),
                        clock.instant()))
                .onErrorResume(e -> {
                    log.warn("Evaluation run {} failed", id, e);
                    return repository.fail(id, "Der Lauf ist fehlgeschlagen: " + e.getMessage(), clock.instant());
                })
                .doFinally(signal -> running.compareAndSet(id, null))
                .subscribe();
    }

    /** The figures of the list: our answers and what the answerer was given, overall. */
    static Map<String, Double> summary(RunReport report) {
        Map<String, Double> summary = new LinkedHashMap<>();
        report.retrieval().stream().filter(r -> r.id().equals("sources")).findFirst().ifPresent(r -> {
            summary.put("sourcesRecallAt5", r.overall().cases().recallAt5());
            summary.put("sourcesMrr", r.overall().cases().mrr());
        });
        report.answers().stream().filter(a -> a.id().equals("studienlotse")).findFirst().ifPresent(a -> {
            summary.put("citationPrecision", a.overall().citationPrecision());
            summary.put("citationRecall", a.overall().citationRecall());
            summary.put("citationValidity", a.overall().citationValidity());
            summary.put("refusedWhenShould", a.overall().refusedWhenShould());
            summary.put("answeredWhenShould", a.overall().answeredWhenShould());
            summary.put("mustMention", a.overall().mustMention());
            summary.put("faithfulness", a.overall().faithfulness());
        });
        summary.put("questions", (double) report.setup().questions());
        return summary;
    }
}
