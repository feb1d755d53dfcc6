package de.studienlotse.chat;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired conversations, turns beyond the window and expired answers every {@code cleanup-interval}. Reads already ignore expired rows; this
 * keeps them from piling up. Every instance runs it; the deletes are idempotent.
 */
class ChatHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatHousekeeping.class);

    private final DatabaseConversations conversations;
    private final R2dbcExchangeLog exchanges;
    private final ChatProperties properties;
    private volatile Disposable schedule;

    ChatHousekeeping(DatabaseConversations conversations, R2dbcExchangeLog exchanges, ChatProperties properties) {
        this.conversations = conversations;
        this.exchanges = exchanges;
        this.properties = properties;
    }

    /** One round: expired conversations and turns beyond the window, then expired answers. A failing database is logged and tried next round. */
    Mono<Void> purge() {
        return conversations.purge()
                .zipWith(exchanges.purge())
                .doOnNext(deleted -> {
                    if (deleted.getT1() + deleted.getT2() > 0) {
                        log.info("Deleted {} turns of expired or long conversations and {} expired answers", deleted.getT1(), deleted.getT2());
                    }
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not delete expired conversations: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        Duration interval = properties.cleanupInterval();
        schedule = Flux.interval(Duration.ofSeconds(30).compareTo(interval) < 0 ? Duration.ofSeconds(30) : interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> purge(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
