package de.studienlotse.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.DeserializationFeature;
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

    /**
     * A JSON body with a field no endpoint knows is refused with a 400 naming the field (see
     * {@link ProblemDetailsAdvice}), not read without it: a mistyped field ({@code "anliegen"} for {@code concerns})
     * would otherwise lose what the user wrote without a word. Only the server's request bodies: the mapper Spring
     * Boot configures stays as it is for everything else (stored JSON, clients). Ordered last, after Boot's own
     * Jackson codec, which it replaces on the server; Boot's body size limit still applies to it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer strictJsonBodies(JsonMapper json) {
        JsonMapper strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return configurer -> {
            if (configurer instanceof ServerCodecConfigurer) {
                configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
            }
        };
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
