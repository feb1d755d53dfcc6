package de.studienlotse.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets per client network ({@link ClientNetwork}: IPv4 /32, IPv6 /64) on what costs the service work or
 * storage: questions ({@code POST /api/chat} and {@code /api/chat/stream} share one bucket) and ratings
 * ({@code POST /api/feedback}). An empty bucket is answered 429 with {@code Retry-After} and a German problem detail,
 * before anything is read, answered or stored. Where the buckets live: {@link RateLimitConfiguration}.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After CORS, so that a refused website is not counted and the widget can read a 429; before security. */
    static final int ORDER = WidgetCorsFilter.ORDER + 10;

    private final WebProperties.RateLimit limit;
    private final RateLimiter limiter;
    private final JsonMapper json;
    private final RateLimiter.Quota questions;
    private final RateLimiter.Quota ratings;

    RateLimitFilter(WebProperties.RateLimit limit, RateLimiter limiter, JsonMapper json) {
        this.limit = limit;
        this.limiter = limiter;
        this.json = json;
        this.questions = new RateLimiter.Quota("chat", limit.requests(), limit.window());
        this.ratings = new RateLimiter.Quota("feedback", limit.feedbackRequests(), limit.window());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RateLimiter.Quota quota = limit.enabled() ? quota(exchange) : null;
        if (quota == null) {
            return chain.filter(exchange);
        }
        return limiter.tryConsume(quota, ClientNetwork.of(exchange))
                .flatMap(verdict -> verdict.granted() ? chain.filter(exchange) : refuse(exchange, quota, verdict));
    }

    private RateLimiter.Quota quota(ServerWebExchange exchange) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
            return null;
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/api/chat") || path.startsWith("/api/chat/")) {
            return questions;
        }
        return path.equals("/api/feedback") || path.equals("/api/feedback/") ? ratings : null;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimiter.Quota quota, RateLimiter.Verdict verdict) {
        long seconds = verdict.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String what = quota == questions ? "Fragen gestellt" : "Bewertungen gesendet";
        return Problems.write(exchange, json, HttpStatus.TOO_MANY_REQUESTS, ("Sie haben in kurzer Zeit sehr viele %s "
                + "(höchstens %d in %d Sekunden). Bitte warten Sie %s und versuchen Sie es dann noch einmal.")
                .formatted(what, quota.requests(), quota.window().toSeconds(), seconds == 1 ? "1 Sekunde" : seconds + " Sekunden"));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
