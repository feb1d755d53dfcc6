package de.studienlotse.web;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * At most {@code requests} questions per client and fixed window on {@code POST /api/chat} and
 * {@code /api/chat/stream}; one more is answered 429 with {@code Retry-After} and a German problem detail.
 * <p>
 * The client is the remote IP address. Behind a reverse proxy set {@code server.forward-headers-strategy=framework},
 * or every visitor shares the proxy's address. NOTE: the counters live in this process; several instances each count
 * on their own.
 */
class ChatRateLimitFilter implements WebFilter, Ordered {

    static final int ORDER = WidgetCorsFilter.ORDER + 10;
    /** Above this many clients, counters of finished windows are dropped. */
    private static final int MAX_CLIENTS = 10_000;

    private final WebProperties.RateLimit limit;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ChatRateLimitFilter(WebProperties.RateLimit limit, Clock clock, JsonMapper json) {
        this.limit = limit;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limit.enabled() || !isQuestion(exchange)) {
            return chain.filter(exchange);
        }
        long now = clock.millis();
        long length = limit.window().toMillis();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now >= w.start() + length);
        }
        Window window = windows.compute(client(exchange), (key, old) ->
                old == null || now >= old.start() + length ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        if (window.count() <= limit.requests()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (window.start() + length - now + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(exchange, json, HttpStatus.TOO_MANY_REQUESTS, ("Sie haben in kurzer Zeit sehr viele Fragen "
                + "gestellt (höchstens %d in %d Sekunden). Bitte warten Sie %d Sekunden und versuchen Sie es dann noch einmal.")
                .formatted(limit.requests(), limit.window().toSeconds(), seconds));
    }

    private static boolean isQuestion(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && (path.equals("/api/chat") || path.startsWith("/api/chat/"));
    }

    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private record Window(long start, int count) {
    }
}
