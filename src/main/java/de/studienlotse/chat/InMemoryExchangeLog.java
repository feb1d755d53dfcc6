package de.studienlotse.chat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The exchange log in this process, for {@code studienlotse.chat.store-conversations=false}: nothing is written, the
 * last {@code max-conversations} answers stay rateable for the retention or until a restart. Only a rating the user
 * gives copies its one answer into the database.
 */
class InMemoryExchangeLog implements ExchangeLog {

    private final ChatProperties properties;
    private final Clock clock;
    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();

    InMemoryExchangeLog(ChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> record(Exchange exchange) {
        return Mono.fromRunnable(() -> {
            synchronized (exchanges) {
                if (exchanges.putIfAbsent(exchange.messageId(), exchange) != null) {
                    throw new IllegalStateException("message " + exchange.messageId() + " is already recorded");
                }
                while (exchanges.size() > properties.maxConversations()) {
                    exchanges.remove(exchanges.keySet().iterator().next());
                }
            }
        });
    }

    @Override
    public Mono<Exchange> find(String messageId) {
        return Mono.fromSupplier(() -> {
            synchronized (exchanges) {
                Exchange exchange = exchanges.get(messageId);
                return exchange != null && !exchange.createdAt().plus(properties.exchangeRetention()).isBefore(clock.instant())
                        ? exchange : null;
            }
        });
    }
}
