package de.studienlotse.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseEnvironmentTests {

    private static final DatabaseProperties NONE = new DatabaseProperties(null, null, null);

    @Test
    void should_default_to_an_h2_file_under_the_data_directory_for_both_clients() {
        // given
        MockEnvironment environment = new MockEnvironment().withProperty("studienlotse.data-dir", "/srv/studienlotse/data");

        // when
        Map<String, Object> derived = DatabaseEnvironment.derive(environment, NONE);

        // then
        assertThat(derived).containsEntry("spring.r2dbc.url", "r2dbc:h2:file:////srv/studienlotse/data/studienlotse?options=DB_CLOSE_ON_EXIT=FALSE")
                .containsEntry("spring.flyway.url", "jdbc:h2:file:/srv/studienlotse/data/studienlotse;DB_CLOSE_ON_EXIT=FALSE")
                .containsEntry("spring.r2dbc.username", "sa").containsEntry("spring.flyway.user", "sa")
                .containsEntry("spring.r2dbc.password", "").containsEntry("spring.flyway.password", "");
    }

    @Test
    void should_make_a_relative_data_directory_absolute_because_h2_refuses_implicitly_relative_paths() {
        // given
        MockEnvironment environment = new MockEnvironment().withProperty("studienlotse.data-dir", "data");

        // when
        String url = (String) DatabaseEnvironment.derive(environment, NONE).get("spring.r2dbc.url");

        // then
        assertThat(database(url)).isEqualTo(Path.of("data").toAbsolutePath().resolve("studienlotse").toString().replace('\\', '/'));
    }

    @Test
    void should_keep_blanks_and_umlauts_of_the_data_directory() {
        // when
        String url = DatabaseEnvironment.h2FileUrl(Path.of("/srv/Daten Müller"));

        // then
        assertThat(database(url)).isEqualTo("/srv/Daten Müller/studienlotse");
        assertThat(DatabaseEnvironment.jdbcUrl(url)).isEqualTo("jdbc:h2:file:/srv/Daten Müller/studienlotse;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void should_derive_flyways_jdbc_url_user_and_password_from_one_postgresql_setting() {
        // given
        DatabaseProperties db = new DatabaseProperties("r2dbc:postgresql://db.example:5433/studienlotse", "app", "geheim");

        // when
        Map<String, Object> derived = DatabaseEnvironment.derive(new MockEnvironment(), db);

        // then
        assertThat(derived).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db.example:5433/studienlotse")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://db.example:5433/studienlotse")
                .containsEntry("spring.r2dbc.username", "app").containsEntry("spring.flyway.user", "app")
                .containsEntry("spring.r2dbc.password", "geheim").containsEntry("spring.flyway.password", "geheim");
    }

    @Test
    void should_carry_schema_and_ssl_mode_over_to_jdbc() {
        // when
        String jdbc = DatabaseEnvironment.jdbcUrl("r2dbc:pool:postgresql://db:5432/app?schema=lotse&sslMode=VERIFY_FULL");

        // then
        assertThat(jdbc).isEqualTo("jdbc:postgresql://db:5432/app?currentSchema=lotse&sslmode=verify-full");
    }

    @Test
    void should_take_user_and_password_from_the_url_when_not_given_apart() {
        // when
        Map<String, Object> derived = DatabaseEnvironment.derive(new MockEnvironment(),
                new DatabaseProperties("r2dbc:postgresql://app:pw@db/app", "", ""));

        // then
        assertThat(derived).containsEntry("spring.flyway.url", "jdbc:postgresql://db/app")
                .containsEntry("spring.flyway.user", "app").containsEntry("spring.flyway.password", "pw");
    }

    @Test
    void should_leave_explicit_spring_settings_alone() {
        // given
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:h2:mem:///lotse")
                .withProperty("spring.flyway.url", "jdbc:h2:mem:other")
                .withProperty("spring.flyway.user", "flyway");

        // when
        Map<String, Object> derived = DatabaseEnvironment.derive(environment, new DatabaseProperties("r2dbc:postgresql://x/y", "u", "p"));

        // then
        assertThat(derived).doesNotContainKeys("spring.r2dbc.url", "spring.flyway.url", "spring.flyway.user")
                .containsEntry("spring.r2dbc.username", "u");
    }

    /** The file H2 opens for an R2DBC URL. */
    private static String database(String r2dbcUrl) {
        return (String) ConnectionFactoryOptions.parse(r2dbcUrl).getValue(ConnectionFactoryOptions.DATABASE);
    }

    @Test
    void should_ask_for_an_explicit_flyway_url_for_other_databases() {
        assertThatIllegalStateException().isThrownBy(() -> DatabaseEnvironment.jdbcUrl("r2dbc:mysql://db/app"))
                .withMessageContaining("spring.flyway.url");
    }
}
