package de.studienlotse.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.studienlotse.database.SqlDialect;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the rate limit's buckets live: with PostgreSQL (and {@code studienlotse.web.rate-limit.shared}, the default) in
 * its table {@code rate_limit_bucket}, shared by every instance on that database; with H2, which only one process
 * opens, in this process's memory.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);
    /** How long a request waits for the shared bucket before this instance decides alone. */
    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    RateLimiterHolder rateLimiter(WebProperties properties, ObjectProvider<ConnectionFactory> connectionFactory,
                                  Environment environment) {
        WebProperties.RateLimit limit = properties.rateLimit();
        LocalRateLimiter local = new LocalRateLimiter(limit.maxClients(), limit.window());
        ConnectionFactory database = connectionFactory.getIfAvailable();
        String jdbcUrl = environment.getProperty("spring.flyway.url");
        if (!limit.enabled() || !limit.shared() || database == null || jdbcUrl == null
                || !jdbcUrl.startsWith("jdbc:postgresql:") || SqlDialect.of(database) != SqlDialect.POSTGRESQL) {
            log.info("Rate limit: {} questions and {} ratings per client network and {}, counted by this instance",
                    limit.requests(), limit.feedbackRequests(), limit.window());
            return new RateLimiterHolder(local, null);
        }
        HikariConfig jdbc = new HikariConfig();
        jdbc.setPoolName("rate-limit");
        jdbc.setJdbcUrl(jdbcUrl);
        jdbc.setUsername(environment.getProperty("spring.r2dbc.username"));
        jdbc.setPassword(environment.getProperty("spring.r2dbc.password"));
        jdbc.setMaximumPoolSize(4);
        jdbc.setMinimumIdle(0);
        jdbc.setConnectionTimeout(DATABASE_TIMEOUT.toMillis());
        // a database that is down at start-up must not keep the service from starting: the buckets fall back per instance
        jdbc.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(jdbc);
        log.info("Rate limit: {} questions and {} ratings per client network and {}, shared by all instances in PostgreSQL",
                limit.requests(), limit.feedbackRequests(), limit.window());
        Duration cleanup = limit.window().compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : limit.window();
        return new RateLimiterHolder(new DatabaseRateLimiter(dataSource, local, DATABASE_TIMEOUT, cleanup), dataSource);
    }

    @Bean
    RateLimitFilter rateLimitFilter(WebProperties properties, RateLimiterHolder limiter, JsonMapper json) {
        return new RateLimitFilter(properties.rateLimit(), limiter.limiter(), json);
    }

    /** The limiter and the connection pool it may own, closed with the application. */
    record RateLimiterHolder(RateLimiter limiter, HikariDataSource dataSource) implements DisposableBean {

        @Override
        public void destroy() {
            if (limiter instanceof DatabaseRateLimiter database) {
                database.close();
            }
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }
}
