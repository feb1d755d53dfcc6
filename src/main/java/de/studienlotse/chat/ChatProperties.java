package de.studienlotse.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the chat API and its conversation memory.
 *
 * @param maxMessageLength characters of one question
 * @param maxHistoryTurns  turns a client may send in {@code history}
 * @param maxHistoryLength characters of all history turns together
 * @param memoryTurns      turns kept per conversation on the server (older ones drop out)
 * @param memoryTtl        a conversation not continued for this long is forgotten
 * @param maxConversations conversations kept at once; the least recently used go first
 * @param heartbeat        a comment line on the event stream this often, so proxies keep a slow answer's connection open
 */
@ConfigurationProperties("studienlotse.chat")
public record ChatProperties(@DefaultValue("2000") int maxMessageLength, @DefaultValue("20") int maxHistoryTurns,
                             @DefaultValue("20000") int maxHistoryLength, @DefaultValue("20") int memoryTurns,
                             @DefaultValue("2h") Duration memoryTtl, @DefaultValue("10000") int maxConversations,
                             @DefaultValue("15s") Duration heartbeat) {
}
