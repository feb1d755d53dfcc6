package de.studienlotse.database;

import io.r2dbc.spi.ConnectionFactory;
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
 */
public final class Database {

    private final DatabaseClient client;
    private final SqlDialect dialect;
    private final Scheduler scheduler;

    public Database(DatabaseClient client, Scheduler scheduler) {
        this.client = client;
        this.dialect = SqlDialect.of(client.getConnectionFactory());
        this.scheduler = scheduler;
    }

    /** On {@code boundedElastic}: what the service uses. */
    public static Database of(ConnectionFactory connectionFactory) {
        return new Database(DatabaseClient.create(connectionFactory), Schedulers.boundedElastic());
    }

    /** For a transaction manager: statements inside one transaction share its connection through the context. */
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
}
