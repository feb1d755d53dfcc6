package de.studienlotse.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** The migrations run on an empty database of each kind, and the application's tables are then usable over R2DBC. */
abstract class MigrationContract {

    abstract TestDatabase emptyDatabase();

    @Test
    void should_migrate_an_empty_database_to_the_latest_version() {
        // given
        Flyway flyway = emptyDatabase().flyway();
        assertThat(flyway.info().applied()).isEmpty();

        // when
        MigrateResult result = flyway.migrate();

        // then
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(7);
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getScript)
                .containsExactly("V1__chat_exchange.sql", "V2__feedback.sql", "V3__chat_conversation.sql",
                        "V4__advisor_brief.sql", "V5__evaluation.sql", "V6__rate_limit_bucket.sql", "V10__login_session.sql");
        assertThat(flyway.migrate().migrationsExecuted).as("a second start migrates nothing").isZero();
    }

    @Test
    void should_leave_tables_that_r2dbc_reads_and_that_report_their_dialect() {
        // given
        TestDatabase database = emptyDatabase().migrated();
        ConnectionPool pool = database.connectionPool();
        try {
            DatabaseClient db = DatabaseClient.create(pool);

            // when
            List<Long> counts = List.of("chat_exchange", "feedback", "chat_conversation", "advisor_brief", "rate_limit_bucket", "login_session").stream()
                    .map(table -> db.sql("SELECT COUNT(*) AS n FROM " + table).map(row -> row.get("n", Long.class)).one()
                            .block(Duration.ofSeconds(10)))
                    .toList();

            // then
            assertThat(counts).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
            assertThat(SqlDialect.of(pool)).isEqualTo(switch (database.kind()) {
                case H2 -> SqlDialect.H2;
                case POSTGRESQL -> SqlDialect.POSTGRESQL;
            });
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
