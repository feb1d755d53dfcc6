package de.studienlotse.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Empty databases for tests that run once against H2 and once against PostgreSQL.
 * <p>
 * The PostgreSQL server, in this order: {@value #POSTGRES_URL_VARIABLE} (libpq form
 * {@code postgresql://user:password@host:5432/database}; {@code .ci/run} starts a server from Debian packages and sets
 * it), else a Testcontainers container where a Docker engine is available. Each {@link #postgres()} is a new schema on
 * that server, dropped when the JVM ends. Without a server, {@link PostgresTest} skips the tests locally and lets them
 * fail in CI ({@code CI=true}).
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_VARIABLE = "STUDIENLOTSE_TEST_POSTGRES_URL";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String NO_SERVER = "No PostgreSQL server for the database tests: set " + POSTGRES_URL_VARIABLE
            + "=postgresql://user:password@host:5432/database or provide a Docker engine for Testcontainers (.ci/run does the former)";

    private static final List<String> schemas = new CopyOnWriteArrayList<>();
    private static volatile Optional<PostgresServer> server;

    private TestDatabases() {
    }

    /** A new H2 database in a file of its own, under the test data directory. */
    public static TestDatabase h2() {
        try {
            Path base = Path.of(System.getProperty("studienlotse.data-dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return h2(Files.createTempDirectory(base, "h2-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The H2 database the service would use with {@code studienlotse.data-dir=dataDir}. */
    public static TestDatabase h2(Path dataDir) {
        String r2dbcUrl = DatabaseEnvironment.h2FileUrl(dataDir);
        return new TestDatabase(TestDatabase.Kind.H2, r2dbcUrl, DatabaseEnvironment.jdbcUrl(r2dbcUrl), "sa", "");
    }

    /** A new, empty schema on the test PostgreSQL server; fails if there is none (see {@link PostgresTest}). */
    public static TestDatabase postgres() {
        PostgresServer pg = postgresServer().orElseThrow(() -> new IllegalStateException(NO_SERVER));
        String schema = "lotse_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema on " + pg.jdbcUrl() + ": " + e.getMessage(), e);
        }
        schemas.add(schema);
        return new TestDatabase(TestDatabase.Kind.POSTGRESQL,
                "r2dbc:postgresql://%s:%d/%s?schema=%s".formatted(pg.host(), pg.port(), pg.database(), schema),
                pg.jdbcUrl() + "?currentSchema=" + schema, pg.user(), pg.password());
    }

    /** The server, found once per JVM: the variable, else Docker, else none. */
    public static synchronized Optional<PostgresServer> postgresServer() {
        if (server == null) {
            server = find();
            server.ifPresent(pg -> Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(pg), "drop-test-schemas")));
        }
        return server;
    }

    /** Whether a missing server fails the tests instead of skipping them. */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Optional<PostgresServer> find() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return Optional.of(PostgresServer.parse(url));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start(); // stopped by Testcontainers when the JVM ends
            return Optional.of(new PostgresServer(container.getHost(), container.getMappedPort(5432),
                    container.getDatabaseName(), container.getUsername(), container.getPassword()));
        }
        return Optional.empty();
    }

    private static void dropSchemas(PostgresServer pg) {
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas " + schemas + ": " + e.getMessage());
        }
    }

    /** Where the test PostgreSQL server listens and who may log in. */
    public record PostgresServer(String host, int port, String database, String user, String password) {

        /** {@code postgresql://user:password@host[:port]/database}, also with a leading {@code jdbc:}. */
        static PostgresServer parse(String url) {
            URI uri = URI.create(url.strip().replaceFirst("^jdbc:", ""));
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new IllegalArgumentException(POSTGRES_URL_VARIABLE + " must look like postgresql://user:password@host:5432/database, got scheme "
                        + uri.getScheme());
            }
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            String database = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
            return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
