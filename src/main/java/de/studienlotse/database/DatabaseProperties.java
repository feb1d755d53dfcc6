package de.studienlotse.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where feedback and conversations are stored. Unset (the default), an H2 database in a file under
 * {@code studienlotse.data-dir}; set, any database R2DBC and Flyway reach by that URL (tested: H2 and PostgreSQL).
 * Read by {@link DatabaseEnvironment} before the application starts; anything set under {@code spring.r2dbc.*} or
 * {@code spring.flyway.*} wins.
 *
 * @param url      R2DBC URL, e.g. {@code r2dbc:postgresql://db.example:5432/studienlotse}; Flyway's JDBC URL is derived
 * @param user     database user for the application and its migrations
 * @param password that user's password
 */
@ConfigurationProperties("studienlotse.db")
public record DatabaseProperties(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseProperties[url=%s, user=%s, password=%s]".formatted(url, user, password == null ? null : "***");
    }
}
