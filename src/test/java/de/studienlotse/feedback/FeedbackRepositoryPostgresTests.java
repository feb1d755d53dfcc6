package de.studienlotse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@PostgresTest
class FeedbackRepositoryPostgresTests extends FeedbackRepositoryContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void should_hold_the_cap_when_many_clients_rate_one_message_at_the_same_moment() {
        // given: 20 invented client ids, all at once
        Flux<Feedback> ratings = Flux.range(0, 20)
                .flatMap(i -> repository.save(feedback("m-1", "client-" + i, Rating.DOWN, T0), 3)
                        .onErrorResume(FeedbackRepository.TooManyRatingsException.class, e -> Mono.empty()), 20);

        // when
        long stored = ratings.count().block(WAIT);

        // then
        assertThat(stored).isEqualTo(3);
        assertThat(repository.count(FeedbackFilter.ALL).block(WAIT)).isEqualTo(3L);
    }
}
