package de.studienlotse.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one way the repositories reach the database. r2dbc-h2 is a synchronous bridge: it runs H2's JDBC-style calls on
 * the subscribing thread, which in a request is a Netty event loop that then serves no one else until the file
 * database answers. So every statement is subscribed (and requested) on a blocking-capable scheduler here (the
 * service's own {@code database} threads, {@code DatabaseConfiguration}); the drivers that
 * are truly non-blocking (PostgreSQL) pay one thread hop per statement, which is small beside a network round trip.
 * <p>
 * A statement that had to wait for a pooled connection gets it on the thread that gave one back, which may be
 * Reactor's parallel thread (a timed-out request's cancel) or an event loop: so every connection, also a
 * transaction's, is handed on to the same scheduler as soon as it is acquired (BlockHound caught an H2 statement on
 * the parallel thread under load, LoadProofH2IT).
 */
public final class Database {

    private final DatabaseClient client;
    private final SqlDialect dialect;
    private final Scheduler scheduler;

    public Database(DatabaseClient client, Scheduler scheduler) {
        this.client = DatabaseClient.create(new ConnectionsOn(client.getConnectionFactory(), scheduler));
        this.dialect = SqlDialect.of(client.getConnectionFactory());
        this.scheduler = scheduler;
    }

    /** On {@code boundedElastic}: what the service uses. */
    public static Database of(ConnectionFactory connectionFactory) {
        return new Database(DatabaseClient.create(connectionFactory), Schedulers.boundedElastic());
    }

    /**
     * For a transaction manager: statements inside one transaction share its connection through the context (this
     * very factory is their key), and the transaction's connection too is handed on to the database scheduler.
     */
    public ConnectionFactory connectionFactory() {
        return client.getConnectionFactory();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** A statement with at most one result (a row, a count, or none). */
    public <T> Mono<T> mono(Function<DatabaseClient, Mono<T>> statement) {
        return Mono.defer(() -> statement.apply(client)).subscribeOn(scheduler);
    }

    /** A query with many rows; further rows are requested on the same scheduler too. */
    public <T> Flux<T> flux(Function<DatabaseClient, Flux<T>> query) {
        return Flux.defer(() -> query.apply(client)).subscribeOn(scheduler, true);
    }

    /** A moment as every table stores it: a timestamp with time zone, written in UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamp-with-time-zone column read back as a moment. */
    public static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    /** Hands every acquired connection on to {@code scheduler}, whichever thread acquired it. */
    private record ConnectionsOn(ConnectionFactory factory, Scheduler scheduler) implements ConnectionFactory,
            Wrapped<ConnectionFactory> {

        /** A connection still on its way when the caller cancels (a timeout) is given back, not lost to the pool. */
        @Override
        public Publisher<? extends Connection> create() {
            return Mono.from(factory.create()).publishOn(scheduler)
                    .doOnDiscard(Connection.class, connection -> Mono.from(connection.close()).subscribe());
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return factory.getMetadata();
        }

        @Override
        public ConnectionFactory unwrap() {
            return factory;
        }
    }
}
