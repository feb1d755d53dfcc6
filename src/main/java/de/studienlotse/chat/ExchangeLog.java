package de.studienlotse.chat;

import reactor.core.publisher.Mono;

/**
 * The answers the chat gave, by message id, for a while ({@code studienlotse.chat.exchange-retention}): feedback looks
 * up what it rates here. In the database by default ({@link R2dbcExchangeLog}, shared by all instances); in process
 * memory when conversations are not stored ({@link InMemoryExchangeLog}).
 */
public interface ExchangeLog {

    /** Keeps one answer; a second record of the same message id is an error. */
    Mono<Void> record(Exchange exchange);

    /** The answer with that message id; empty if unknown or older than the retention. */
    Mono<Exchange> find(String messageId);
}
