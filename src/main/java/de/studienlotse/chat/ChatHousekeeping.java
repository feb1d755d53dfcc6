package de.studienlotse.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Deletes expired conversations, turns beyond the window and expired answers, a round every {@code cleanup-interval}
 * ({@link de.studienlotse.database.Housekeeping}). Reads already ignore expired rows; this keeps them from piling up.
 */
class ChatHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(ChatHousekeeping.class);

    private final DatabaseConversations conversations;
    private final R2dbcExchangeLog exchanges;

    ChatHousekeeping(DatabaseConversations conversations, R2dbcExchangeLog exchanges) {
        this.conversations = conversations;
        this.exchanges = exchanges;
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
}
