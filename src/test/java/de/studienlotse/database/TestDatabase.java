package de.studienlotse.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.core.scheduler.Schedulers;

/**
 * A database for tests, empty when made by {@link TestDatabases}, reachable the two ways the service reaches it:
 * R2DBC (the application) and JDBC (Flyway).
 */
public record TestDatabase(Kind kind, String r2dbcUrl, String jdbcUrl, String user, String password) {

    public enum Kind { H2, POSTGRESQL }

    /** The settings that point an application at this database. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", r2dbcUrl);
        properties.put("spring.r2dbc.username", user);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.flyway.url", jdbcUrl);
        properties.put("spring.flyway.user", user);
        properties.put("spring.flyway.password", password);
        return properties;
    }

    /** For {@code @DynamicPropertySource}: those settings in a Spring test context. */
    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** A small pool; close it after the test. */
    public ConnectionPool connectionPool() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl).mutate()
                .option(ConnectionFactoryOptions.USER, user)
                .option(ConnectionFactoryOptions.PASSWORD, password)
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options)).maxSize(4)
                // as the service's pool: opening an H2 session blocks, so not on Reactor's single thread (DatabaseConfiguration)
                .allocatorSubscribeOn(Schedulers.boundedElastic()).build());
    }

    /** Flyway over JDBC with the service's migrations, as at start-up. */
    public Flyway flyway() {
        return Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load();
    }

    /** Migrated, ready for repositories. */
    public TestDatabase migrated() {
        flyway().migrate();
        return this;
    }
}
