package de.studienlotse.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filters that let other websites embed the chat widget, and no others; see {@link WebProperties}. The rate limit:
 * {@link RateLimitConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    SecurityHeadersFilter securityHeadersFilter(WebProperties properties) {
        return new SecurityHeadersFilter(properties);
    }

    /**
     * The probes are asked every few seconds by the orchestrator: a timer and a trace for each would cost more than
     * they tell, so the server's request observation leaves them out. The observation is off by default
     * ({@code management.observations.enable}); turned on with a metrics exporter, it observes every other request once.
     */
    @Bean
    ObservationPredicate noProbeObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier().getPath().pathWithinApplication().value().startsWith("/actuator/health"));
    }

    @Bean
    StaticCacheFilter staticCacheFilter(CacheProperties properties) {
        return new StaticCacheFilter(properties);
    }

    @Bean
    WidgetCorsFilter widgetCorsFilter(WebProperties properties, JsonMapper json) {
        return new WidgetCorsFilter(properties, json);
    }
}
