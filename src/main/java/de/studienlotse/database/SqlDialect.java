package de.studienlotse.database;

import io.r2dbc.spi.ConnectionFactory;
import java.util.Locale;

/**
 * The databases this service is tested against. Most statements are plain SQL both understand; only an upsert
 * (insert, or update the row with that key) is spelled differently.
 */
public enum SqlDialect {
    H2, POSTGRESQL;

    /** From the driver's metadata ("H2", "PostgreSQL"); a pool reports the database behind it. */
    public static SqlDialect of(ConnectionFactory connectionFactory) {
        String name = connectionFactory.getMetadata().getName().toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Unsupported database " + connectionFactory.getMetadata().getName()
                + ": Studienlotse runs on H2 and PostgreSQL");
    }
}
