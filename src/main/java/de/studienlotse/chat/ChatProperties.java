package de.studienlotse.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the chat API and its conversation memory.
 *
 * @param maxMessageLength    characters of one question
 * @param memoryTurns         turns (a question with its answer) kept per conversation on the server and read with a
 *                            follow-up; older ones drop out
 * @param memoryTtl           a conversation without a new turn for this long is forgotten (in process memory: without
 *                            a new turn or a read)
 * @param maxConversations    conversations (and answers for feedback) kept at once in process memory, only when they
 *                            are not stored in the database; the least recently used go first
 * @param heartbeat           a comment line on the event stream this often, so proxies keep a slow answer's
 *                            connection open
 * @param storeConversations  the privacy switch: {@code true} keeps conversations and answers in the database (shared by
 *                            all instances), {@code false} keeps them only in this process's memory and writes nothing
 * @param exchangeRetention   how long an answer can still be rated: its question, text and sources are kept this long
 * @param storeTimeout        how long an answer (the stream's {@code done}) waits for it and its conversation turn to
 *                            be stored, so that a rating right after it finds it; past it, or when the database
 *                            fails, the answer goes out saying it cannot be rated (a slow write finishes in the
 *                            background). Generous, as it only matters when the database is slow or down
 * @param cleanupInterval     how often expired conversations and answers are deleted from the database
 */
@ConfigurationProperties("studienlotse.chat")
public record ChatProperties(@DefaultValue("2000") int maxMessageLength, @DefaultValue("10") int memoryTurns,
                             @DefaultValue("2h") Duration memoryTtl, @DefaultValue("10000") int maxConversations,
                             @DefaultValue("15s") Duration heartbeat,
                             @DefaultValue("true") boolean storeConversations,
                             @DefaultValue("7d") Duration exchangeRetention,
                             @DefaultValue("30s") Duration storeTimeout,
                             @DefaultValue("10m") Duration cleanupInterval) {
}
