package de.studienlotse.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Framing and script policy. Every response may be framed only by the service itself and the allowed origins
 * ({@code frame-ancestors}); the service's own pages ({@code /}, {@code *.html}, {@code /login}, {@code /logout}) also run only the service's scripts
 * and talk only to the service. The widget's styles are constructed style sheets, which such a policy does not block,
 * so host pages need no {@code 'unsafe-inline'} for it either.
 */
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final int ORDER = WidgetCorsFilter.ORDER - 10;

    private final String framing;
    private final String pagePolicy;

    SecurityHeadersFilter(WebProperties properties) {
        this.framing = "frame-ancestors " + properties.frameAncestors();
        this.pagePolicy = String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
                "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
                "form-action 'self'", framing);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Content-Security-Policy", isOwnPage(exchange) ? pagePolicy : framing);
        return chain.filter(exchange);
    }

    private static boolean isOwnPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.endsWith(".html") && !path.startsWith("/swagger-ui");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
