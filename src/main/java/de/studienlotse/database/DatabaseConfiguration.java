package de.studienlotse.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The repositories' {@link Database}, and the database's health for the readiness probe. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** A probe must answer even when the database hangs: DOWN after this long. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    /**
     * r2dbc-pool creates connections on Reactor's single thread unless told otherwise; opening an H2 file session
     * blocks (it even sleeps while the file is locked) and so would stall every timer and timeout of the service. The
     * pool Spring Boot built from {@code spring.r2dbc.*} is rebuilt with the same settings, creating connections on
     * {@code boundedElastic}.
     */
    @Bean
    static BeanPostProcessor connectionsOnBoundedElastic(ObjectProvider<R2dbcProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ConnectionPool pool)) {
                    return bean;
                }
                R2dbcProperties.Pool settings = properties.getObject().getPool();
                ConnectionPoolConfiguration.Builder builder = ConnectionPoolConfiguration.builder(pool.unwrap())
                        .initialSize(settings.getInitialSize())
                        .maxSize(settings.getMaxSize())
                        .minIdle(settings.getMinIdle())
                        .acquireRetry(settings.getAcquireRetry())
                        .validationDepth(settings.getValidationDepth())
                        .allocatorSubscribeOn(Schedulers.boundedElastic());
                PropertyMapper map = PropertyMapper.get();
                map.from(settings.getMaxIdleTime()).to(builder::maxIdleTime);
                map.from(settings.getMaxLifeTime()).to(builder::maxLifeTime);
                map.from(settings.getMaxAcquireTime()).to(builder::maxAcquireTime);
                map.from(settings.getMaxCreateConnectionTime()).to(builder::maxCreateConnectionTime);
                map.from(settings.getMaxValidationTime()).to(builder::maxValidationTime);
                map.from(settings.getValidationQuery()).whenHasText().to(builder::validationQuery);
                pool.dispose();
                return new ConnectionPool(builder.build());
            }
        };
    }

    /**
     * Statements run on threads of their own, as many as two pools' worth of connections: on {@code boundedElastic}
     * they queued behind the answers' retrieval work, and under 200 concurrent streams a rating waited past its limit
     * and was refused with 503 although the database was idle (LoadProofH2IT).
     */
    @Bean(destroyMethod = "dispose")
    Scheduler databaseScheduler(ObjectProvider<R2dbcProperties> properties) {
        int connections = properties.getObject().getPool().getMaxSize();
        return Schedulers.newBoundedElastic(Math.max(4, 2 * connections), 100_000, "database");
    }

    @Bean
    Database database(DatabaseClient client, Scheduler databaseScheduler) {
        return new Database(client, databaseScheduler);
    }

    /**
     * In place of Spring Boot's R2DBC indicator (same name, so it is left out), which validates a connection on the
     * calling event-loop thread and so blocks it with H2. Only the readiness group and the full health include it
     * (application.yml): liveness never touches the database.
     */
    @Bean
    ReactiveHealthIndicator r2dbcHealthIndicator(Database database) {
        return () -> database.mono(db -> db.sql("SELECT 1 AS ok").map(row -> row.get("ok")).first())
                .map(ok -> Health.up().withDetail("database", database.dialect().name()).build())
                .timeout(HEALTH_TIMEOUT)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("database", database.dialect().name()).withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
