package de.studienlotse.evaluation.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.studienlotse.evaluation.EvaluationRunner;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** One run at a time: a second start while the first runs is a 409; once it ends (here: fails), the next may start. */
class EvaluationRunsTests {

    @Test
    void should_refuse_a_second_run_while_one_runs_and_allow_one_after_it_ended() throws Exception {
        // given a runner that blocks until released, then fails
        CountDownLatch release = new CountDownLatch(1);
        EvaluationRunner runner = mock(EvaluationRunner.class);
        when(runner.runWithAnswers()).thenAnswer(invocation -> {
            release.await();
            throw new IllegalStateException("Goldsatz nicht lesbar");
        });
        WorkbenchRepository repository = mock(WorkbenchRepository.class);
        when(repository.insertRunning(anyString(), anyString(), any())).thenReturn(Mono.empty());
        when(repository.fail(anyString(), anyString(), any())).thenReturn(Mono.empty());
        EvaluationRuns runs = new EvaluationRuns(runner, repository);

        // when
        StoredRun first = runs.start("anna").block();

        // then
        assertThat(first.status()).isEqualTo("running");
        StepVerifier.create(runs.start("ben"))
                .expectErrorSatisfies(e -> assertThat(((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.CONFLICT))
                .verify();

        // when the first ends
        release.countDown();
        verify(repository, timeout(5_000)).fail(org.mockito.ArgumentMatchers.eq(first.id()),
                org.mockito.ArgumentMatchers.contains("Goldsatz nicht lesbar"), any());

        // then another may start
        StoredRun next = null;
        for (int i = 0; i < 50 && next == null; i++) { // the slot is freed just after fail() completes
            next = runs.start("ben").onErrorResume(ResponseStatusException.class, e -> Mono.empty()).block();
            if (next == null) Thread.sleep(100);
        }
        assertThat(next).isNotNull();
        assertThat(next.startedBy()).isEqualTo("ben");
    }
}
