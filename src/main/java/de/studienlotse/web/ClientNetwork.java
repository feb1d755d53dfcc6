package de.studienlotse.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The network a rate limit counts a client by: an IPv4 address as it is (/32), an IPv6 address by its /64. A provider
 * hands one customer a whole /64, so counting single IPv6 addresses would give a client 2^64 fresh quotas.
 * <p>
 * The address is the one the request came from; behind a reverse proxy {@code server.forward-headers-strategy=framework}
 * makes it the client's (from {@code Forwarded} / {@code X-Forwarded-For}), else all visitors share the proxy's.
 */
final class ClientNetwork {

    static final String UNKNOWN = "unknown";

    private ClientNetwork() {
    }

    static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? UNKNOWN : of(remote.getAddress());
    }

    static String of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int group = 0; group < 4; group++) {
                prefix.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        // Java reads IPv4-mapped IPv6 (::ffff:192.0.2.1) as an Inet4Address already: one client, one key
        return address.getHostAddress();
    }
}
