package de.studienlotse.database;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.advisor.Brief;
import io.r2dbc.pool.ConnectionPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

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
        assertThat(result.migrationsExecuted).isEqualTo(9);
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getScript)
                .containsExactly("V1__chat_exchange.sql", "V2__feedback.sql", "V3__chat_conversation.sql",
                        "V4__advisor_brief.sql", "V5__evaluation.sql", "V6__rate_limit_bucket.sql", "V7__chat_turn.sql",
                        "V8__api_field_names.sql", "V9__login_session.sql");
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
            List<Long> counts = List.of("chat_exchange", "feedback", "chat_turn", "advisor_brief", "rate_limit_bucket",
                    "login_session").stream()
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

    @Test
    void should_give_a_brief_saved_before_the_api_convention_its_english_field_names() throws SQLException {
        // given a brief as saved with the German keys, a quote that holds a key's spelling
        TestDatabase database = emptyDatabase();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").target("6").load().migrate();
        String old = """
                {"id":"b1","erstellt":"2026-11-26T10:00:00Z","geaendert":"2026-11-27T10:00:00Z",\
                "profil":{"branche":"Steuerberatung","groesse":"12","taetigkeit":"Buchhaltung","anliegen":["Kosten"],\
                "notizen":"skeptisch"},"zusammenfassung":null,"abschnitte":[{"id":"faelle","titel":"Ähnliche Fälle",\
                "eintraege":[{"id":"e1","art":"FALL","fallId":"B4","text":"B4 \\"titel\\": so","quelle":{"n":1,\
                "passageId":"B4.ziel.1","caseId":"B4","taetigkeit":"Buchhaltung","branche":"E-Commerce",\
                "anwendung":"X","section":"ziel","label":null,"quote":"Ziel"},"bezug":null}]}],\
                "notizen":[{"id":"n1","text":"anrufen","erstellt":"2026-11-27T10:00:00Z"}],"quellen":[{"n":1,\
                "passageId":"B4.ziel.1","caseId":"B4","taetigkeit":"Buchhaltung","branche":"E-Commerce",\
                "anwendung":"X","section":"ziel","label":null,"quote":"Ziel"}],"lizenz":"CC BY-NC-ND 4.0"}""";
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement insert = db.prepareStatement("INSERT INTO advisor_brief (id, owner, title, body, "
                     + "created_at, updated_at) VALUES ('b1', 'anna', 'Brief', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, old);
            insert.executeUpdate();
        }

        // when
        database.flyway().migrate();

        // then
        String body;
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet row = db.createStatement().executeQuery("SELECT body FROM advisor_brief WHERE id = 'b1'")) {
            row.next();
            body = row.getString(1);
        }
        Brief brief = JsonMapper.builder().build().readValue(body, Brief.class);
        assertThat(brief.createdAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(brief.profile().size()).isEqualTo("12");
        assertThat(brief.profile().concerns()).containsExactly("Kosten");
        assertThat(brief.profile().notes()).isEqualTo("skeptisch");
        assertThat(brief.sections().get(0).title()).isEqualTo("Ähnliche Fälle");
        Brief.Item item = brief.sections().get(0).items().get(0);
        assertThat(item.kind()).isEqualTo(Brief.Kind.FALL);
        assertThat(item.caseId()).isEqualTo("B4");
        assertThat(item.text()).isEqualTo("B4 \"titel\": so");
        assertThat(item.citation().passageId()).isEqualTo("B4.ziel.1");
        assertThat(brief.notes()).extracting(Brief.Note::createdAt).containsExactly(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(brief.citations()).hasSize(1);
        assertThat(brief.license()).isEqualTo("CC BY-NC-ND 4.0");
    }
}
