package de.studienlotse.web;

import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cache headers for the public static files, set before Spring Security, which would otherwise mark every response
 * {@code no-store} and make each page view of a host site download the widget and its libraries again. A URL with its
 * content hash ({@code /widget-<md5>.js}, resolved by the resource chain's content strategy) or a WebJar with its version
 * is immutable; a stable URL ({@code /widget.js}) is kept for {@link CacheProperties#unversioned()}. Pages, APIs and the
 * workbench's files (behind the login) keep Spring Security's {@code no-store}.
 */
class StaticCacheFilter implements WebFilter, Ordered {

    /** Before {@link SecurityHeadersFilter} and Spring Security (order -100). */
    static final int ORDER = SecurityHeadersFilter.ORDER - 10;
    private static final Pattern ASSET = Pattern.compile("/.+\\.(?:js|mjs|css|svg|png|ico|webp|woff2?|map)");
    /** The content strategy's MD5 before the extension, or a WebJar with a version after its name. */
    private static final Pattern VERSIONED = Pattern.compile(".+-[0-9a-f]{32}\\.[a-z0-9]+|/webjars/[^/]+/\\d[^/]*/.+");

    private final String versioned;
    private final String unversioned;

    StaticCacheFilter(CacheProperties properties) {
        this.versioned = CacheControl.maxAge(properties.versioned()).cachePublic().immutable().getHeaderValue();
        this.unversioned = CacheControl.maxAge(properties.unversioned()).cachePublic().getHeaderValue();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (!path.startsWith("/werkbank") && !path.startsWith("/api/") && ASSET.matcher(path).matches()) {
                String value = VERSIONED.matcher(path).matches() ? versioned : unversioned;
                ServerHttpResponse response = exchange.getResponse();
                // at commit, registered before Spring Security's header writer, and only for a file found: a 404 is not kept
                response.beforeCommit(() -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status == null || status.is2xxSuccessful() || status.value() == 304) {
                        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, value);
                    }
                    return Mono.empty();
                });
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
