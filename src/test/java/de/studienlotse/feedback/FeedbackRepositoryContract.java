package de.studienlotse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.answer.Citation;
import de.studienlotse.database.Database;
import de.studienlotse.database.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Ratings in a real database, written once and run on H2 and PostgreSQL. */
abstract class FeedbackRepositoryContract {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final Citation CITATION = new Citation(1, "B4.erfolgsfaktoren.2", "B4", "Kundenberatung", "E-Commerce",
            "KI-Chatbot", "erfolgsfaktoren", "Persönliche Gespräche, Schulungen", "Persönliche Gespräche und Schulungen …");

    ConnectionPool pool;
    FeedbackRepository repository;

    abstract TestDatabase emptyDatabase();

    @BeforeEach
    void migrateEmptyDatabase() {
        pool = emptyDatabase().migrated().connectionPool();
        repository = new FeedbackRepository(Database.of(pool), JsonMapper.builder().build());
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(WAIT);
    }

    static Feedback feedback(String messageId, String clientId, Rating rating, Instant at) {
        return new Feedback(messageId, clientId, rating, List.of("Quelle passt nicht"), "Die Quelle nennt Schulungen, nicht Kosten; \"B4\"",
                "c-1", "Was kostete die Einführung bei B4?", "Das nennt die Studie nicht [1].", List.of(CITATION), "extractive",
                T0.minusSeconds(60), at, at);
    }

    @Test
    void should_store_a_rating_with_the_snapshot_of_its_answer() {
        // given
        Feedback feedback = feedback("m-1", "client-a", Rating.DOWN, T0);

        // when
        Feedback stored = repository.save(feedback).block(WAIT);

        // then
        assertThat(stored).isEqualTo(feedback);
    }

    @Test
    void should_keep_one_rating_per_message_and_client_and_let_the_client_change_it() {
        // given
        repository.save(feedback("m-1", "client-a", Rating.DOWN, T0)).block(WAIT);
        Feedback changed = new Feedback("m-1", "client-a", Rating.UP, List.of(), null, "c-1", "andere Frage", "andere Antwort",
                List.of(), "openai:gpt-4o-mini", T0, T0.plusSeconds(30), T0.plusSeconds(30));

        // when
        Feedback stored = repository.save(changed).block(WAIT);
        repository.save(feedback("m-1", "client-b", Rating.DOWN, T0.plusSeconds(40))).block(WAIT);

        // then
        assertThat(stored.rating()).isEqualTo(Rating.UP);
        assertThat(stored.reasons()).isEmpty();
        assertThat(stored.comment()).isNull();
        assertThat(stored.createdAt()).as("first rated").isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(stored.question()).as("the snapshot of the first rating stays").isEqualTo("Was kostete die Einführung bei B4?");
        assertThat(repository.count(FeedbackFilter.ALL).block(WAIT)).isEqualTo(2L);
    }

    @Test
    void should_keep_at_most_the_capped_number_of_clients_per_message_and_let_each_change_its_rating() {
        // given: three clients rated m-1, the cap
        for (String client : List.of("client-a", "client-b", "client-c")) {
            repository.save(feedback("m-1", client, Rating.DOWN, T0), 3).block(WAIT);
        }

        // when
        Throwable fourth = repository.save(feedback("m-1", "client-d", Rating.UP, T0), 3)
                .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);
        Feedback changed = repository.save(feedback("m-1", "client-b", Rating.UP, T0.plusSeconds(5)), 3).block(WAIT);
        Feedback otherMessage = repository.save(feedback("m-2", "client-d", Rating.UP, T0), 3).block(WAIT);

        // then
        assertThat(fourth).isInstanceOf(FeedbackRepository.TooManyRatingsException.class);
        assertThat(changed.rating()).isEqualTo(Rating.UP);
        assertThat(otherMessage).isNotNull();
        assertThat(repository.findAll(FeedbackFilter.ALL).filter(f -> f.messageId().equals("m-1")).map(Feedback::clientId)
                .collectList().block(WAIT)).containsExactlyInAnyOrder("client-a", "client-b", "client-c");
    }

    @Test
    void should_filter_by_rating_and_time_and_page_the_latest_first() {
        // given
        for (int i = 0; i < 5; i++) {
            repository.save(feedback("m-" + i, "client-a", i % 2 == 0 ? Rating.UP : Rating.DOWN, T0.plusSeconds(60L * i))).block(WAIT);
        }

        // when
        List<Feedback> ups = repository.find(new FeedbackFilter(Rating.UP, null, null), 0, 10).collectList().block(WAIT);
        List<Feedback> window = repository.find(new FeedbackFilter(null, T0.plusSeconds(60), T0.plusSeconds(180)), 0, 10)
                .collectList().block(WAIT);
        List<Feedback> secondPage = repository.find(FeedbackFilter.ALL, 2, 2).collectList().block(WAIT);

        // then
        assertThat(ups).extracting(Feedback::messageId).containsExactly("m-4", "m-2", "m-0");
        assertThat(window).extracting(Feedback::messageId).containsExactly("m-2", "m-1");
        assertThat(secondPage).extracting(Feedback::messageId).containsExactly("m-2", "m-1");
        assertThat(repository.count(new FeedbackFilter(Rating.DOWN, null, null)).block(WAIT)).isEqualTo(2L);
        assertThat(repository.findAll(FeedbackFilter.ALL).map(Feedback::messageId).collectList().block(WAIT))
                .containsExactly("m-4", "m-3", "m-2", "m-1", "m-0");
    }
}
