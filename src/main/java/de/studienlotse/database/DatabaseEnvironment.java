package de.studienlotse.database;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;

/**
 * One database setting for two clients: the application talks R2DBC, Flyway migrates over JDBC at start-up. Operators
 * set one R2DBC URL ({@code STUDIENLOTSE_DB_URL}) or nothing (an H2 file under {@code studienlotse.data-dir}); the
 * matching JDBC URL, user and password for Flyway are derived here, so the two can never point at different databases.
 * <p>
 * Only fills what is not set: an explicit {@code spring.r2dbc.*} or {@code spring.flyway.*} property always wins (the
 * derived values are the environment's last property source). NOTE: properties added after start-up preparation
 * (a test's {@code @DynamicPropertySource}) are not seen here; such callers set both URLs themselves.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "studienlotseDatabase";
    static final String DEFAULT_DATA_DIR = "./data";
    static final String H2_FILE_NAME = "studienlotse";
    /** Spring closes the pool on shutdown; H2 must not close the file first from its own shutdown hook. */
    static final String H2_OPTIONS = "DB_CLOSE_ON_EXIT=FALSE";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DatabaseProperties db = Binder.get(environment).bind("studienlotse.db", DatabaseProperties.class)
                .orElse(new DatabaseProperties(null, null, null));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, derive(environment, db)));
    }

    /** The {@code spring.r2dbc.*} and {@code spring.flyway.*} settings {@code environment} leaves open. */
    static Map<String, Object> derive(PropertyResolver environment, DatabaseProperties db) {
        Map<String, Object> derived = new LinkedHashMap<>();
        String r2dbcUrl = first(environment.getProperty("spring.r2dbc.url"), db.url());
        boolean embedded = r2dbcUrl == null;
        if (embedded) {
            r2dbcUrl = h2FileUrl(Path.of(first(environment.getProperty("studienlotse.data-dir"), DEFAULT_DATA_DIR)));
            derived.put("spring.r2dbc.url", r2dbcUrl);
        } else if (blank(environment.getProperty("spring.r2dbc.url"))) {
            derived.put("spring.r2dbc.url", r2dbcUrl);
        }
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
        String user = first(environment.getProperty("spring.r2dbc.username"), db.user(), text(options, ConnectionFactoryOptions.USER),
                embedded ? "sa" : null);
        String password = first(environment.getProperty("spring.r2dbc.password"), db.password(),
                text(options, ConnectionFactoryOptions.PASSWORD));
        if (password == null && embedded) {
            password = "";
        }
        putIfOpen(environment, derived, "spring.r2dbc.username", user);
        putIfOpen(environment, derived, "spring.r2dbc.password", password);
        if (blank(environment.getProperty("spring.flyway.url"))) {
            derived.put("spring.flyway.url", jdbcUrl(r2dbcUrl));
        }
        putIfOpen(environment, derived, "spring.flyway.user", user);
        putIfOpen(environment, derived, "spring.flyway.password", password);
        return derived;
    }

    /** An H2 database in a file {@value H2_FILE_NAME}{@code .mv.db} in {@code dataDir} (created with the directory). */
    static String h2FileUrl(Path dataDir) {
        // H2 refuses paths "implicitly relative" to the working directory: make it absolute
        String path = dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME).toString().replace('\\', '/');
        // r2dbc:h2:file:///<database>: the parser drops the slash after the empty host and decodes %XX
        String encoded = Arrays.stream(path.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return "r2dbc:h2:file:///" + encoded + "?options=" + H2_OPTIONS;
    }

    /**
     * The JDBC URL of the database an R2DBC URL names, for Flyway. Knows H2 ({@code file}, {@code mem}) and PostgreSQL
     * (host, port, database, {@code schema}, {@code sslMode}); for anything else set {@code spring.flyway.url}.
     */
    static String jdbcUrl(String r2dbcUrl) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
        String driver = text(options, ConnectionFactoryOptions.DRIVER);
        String protocol = text(options, ConnectionFactoryOptions.PROTOCOL);
        if ("pool".equals(driver) && protocol != null) {
            // r2dbc:pool:<driver>[:<protocol>]://...
            int colon = protocol.indexOf(':');
            driver = colon < 0 ? protocol : protocol.substring(0, colon);
            protocol = colon < 0 ? null : protocol.substring(colon + 1);
        }
        String database = text(options, ConnectionFactoryOptions.DATABASE);
        if ("h2".equals(driver) && ("file".equals(protocol) || "mem".equals(protocol))) {
            String h2Options = text(options, Option.valueOf("options"));
            return "jdbc:h2:" + protocol + ":" + database + (blank(h2Options) ? "" : ";" + h2Options);
        }
        if ("postgresql".equals(driver) || "postgres".equals(driver)) {
            String host = text(options, ConnectionFactoryOptions.HOST);
            Object port = options.getValue(ConnectionFactoryOptions.PORT);
            StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host == null ? "localhost" : host);
            if (port != null) {
                url.append(':').append(port);
            }
            url.append('/').append(database == null ? "" : database);
            Map<String, String> parameters = new LinkedHashMap<>();
            String schema = text(options, Option.valueOf("schema"));
            if (!blank(schema)) {
                parameters.put("currentSchema", schema);
            }
            String sslMode = first(text(options, Option.valueOf("sslMode")), text(options, Option.valueOf("sslmode")));
            if (sslMode != null) {
                parameters.put("sslmode", sslMode.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            String separator = "?";
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = "&";
            }
            return url.toString();
        }
        throw new IllegalStateException("Cannot derive Flyway's JDBC URL from " + driver + (protocol == null ? "" : ":" + protocol)
                + "; set spring.flyway.url (and spring.flyway.user, spring.flyway.password)");
    }

    private static void putIfOpen(PropertyResolver environment, Map<String, Object> derived, String key, String value) {
        if (value != null && blank(environment.getProperty(key))) {
            derived.put(key, value);
        }
    }

    private static String text(ConnectionFactoryOptions options, Option<?> option) {
        Object value = options.getValue(option);
        return value == null ? null : value.toString();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (!blank(value)) {
                return value;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
