package de.studienlotse.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    StaticCacheFilter staticCacheFilter(CacheProperties properties) {
        return new StaticCacheFilter(properties);
    }

    @Bean
    WidgetCorsFilter widgetCorsFilter(WebProperties properties, JsonMapper json) {
        return new WidgetCorsFilter(properties, json);
    }
}
