package de.studienlotse.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may embed the chat widget, how often one client may ask and rate, and how large a request may be.
 *
 * @param allowedOrigins origins (scheme, host, port) whose pages may call the API and frame the pages, besides the
 *                       service's own origin: {@code https://www.kammer.de}, {@code https://*.zukunftszentrum.de},
 *                       {@code http://localhost:*} (any port). The default allows local development only.
 * @param rateLimit      questions and ratings per client and time window on {@code /api/chat*} and {@code POST /api/feedback}
 */
@ConfigurationProperties("studienlotse.web")
public record WebProperties(@DefaultValue({"http://localhost:*", "http://127.0.0.1:*"}) List<String> allowedOrigins,
                            @DefaultValue RateLimit rateLimit) {

    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::strip).filter(o -> !o.isEmpty()).map(WebProperties::checked).toList();
    }

    /**
     * Token buckets per client network: an IPv4 address, or the /64 an IPv6 address lies in (one household or
     * server gets a whole /64, so rotating inside it must not buy a fresh quota).
     *
     * @param enabled          off only for load tests
     * @param requests         questions one client may ask per window on {@code POST /api/chat} and
     *                         {@code /api/chat/stream} together: the bucket's capacity, refilled evenly over the window
     * @param window           the time in which a bucket refills completely
     * @param feedbackRequests ratings one client may send per window on {@code POST /api/feedback}
     * @param maxClients       buckets kept in this process; the least recently used beyond it are forgotten
     * @param shared           with PostgreSQL configured, keep the buckets there so that all instances share one limit;
     *                         otherwise (or with H2) every instance counts on its own
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("30") int requests,
                            @DefaultValue("1m") Duration window, @DefaultValue("30") int feedbackRequests,
                            @DefaultValue("100000") int maxClients, @DefaultValue("true") boolean shared) {

        public RateLimit {
            if (requests < 1) throw new IllegalArgumentException("studienlotse.web.rate-limit.requests must be at least 1");
            if (feedbackRequests < 1) {
                throw new IllegalArgumentException("studienlotse.web.rate-limit.feedback-requests must be at least 1");
            }
            if (maxClients < 1) throw new IllegalArgumentException("studienlotse.web.rate-limit.max-clients must be at least 1");
            if (window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("studienlotse.web.rate-limit.window must be positive");
            }
        }
    }

    /** The origins as Spring's CORS patterns: {@code :*} becomes {@code :[*]}. */
    List<String> corsOriginPatterns() {
        return allowedOrigins.stream().map(o -> o.endsWith(":*") ? o.substring(0, o.length() - 1) + "[*]" : o).toList();
    }

    /** The origins as a CSP source list for {@code frame-ancestors}, which writes "any port" as {@code :*} itself. */
    String frameAncestors() {
        return String.join(" ", Stream.concat(Stream.of("'self'"), allowedOrigins.stream()).toList());
    }

    private static String checked(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        // "*" would let every website use the service's quota and frame its pages: name the websites instead
        if (o.equals("*") || !o.matches("https?://(\\*\\.)?[a-z0-9.\\-]+(:(\\d+|\\*))?")) {
            throw new IllegalArgumentException(("studienlotse.web.allowed-origins: „%s“ is not an origin such as "
                    + "https://www.example.de, https://*.example.de or http://localhost:* (no path, no trailing slash, no bare *)")
                    .formatted(origin));
        }
        return o;
    }
}
