package de.studienlotse.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS for pages that embed the widget: the API, the widget script and the WebJars it imports as modules. A request
 * from any other website is refused with 403 and a German problem detail, before it reaches a controller or counts
 * against the rate limit. Same-origin requests (the service's own pages) are not CORS requests and pass untouched.
 */
class WidgetCorsFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final JsonMapper json;

    WidgetCorsFilter(WebProperties properties, JsonMapper json) {
        this.json = json;
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(properties.corsOriginPatterns());
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
        config.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "X-Client-Id"));
        // the widget reads Retry-After to tell the user how long to wait
        config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        for (String path : List.of("/api/**", "/widget.js", "/answer-markup.js", "/webjars/**")) {
            source.registerCorsConfiguration(path, config);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (config == null) {
            return chain.filter(exchange);
        }
        if (!processor.process(config, exchange)) {
            String origin = request.getHeaders().getOrigin();
            return Problems.write(exchange, json, HttpStatus.FORBIDDEN, ("Die Website „%s“ ist für den Studienlotsen nicht "
                    + "freigeschaltet. Betreiber tragen sie in studienlotse.web.allowed-origins ein.").formatted(origin));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
