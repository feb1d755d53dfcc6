package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/** What reaches an appender, which every pattern and encoder then formats: the console's, a file's, a JSON one. */
class KeyMaskingTests {

    private final Logger log = (Logger) LoggerFactory.getLogger(KeyMaskingTests.class);
    private final ListAppender<ILoggingEvent> appended = new ListAppender<>();

    @BeforeEach
    void listen() {
        appended.start();
        log.addAppender(appended);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(appended);
    }

    @Test
    void should_mask_a_configured_key_of_any_form_in_message_arguments_and_exceptions() {
        // given: no sk- prefix, nothing a pattern would recognise
        String key = "gw_live.Zq81xKp3-Y7rT2";
        KeyMasking.protect(key);

        // when
        log.warn("Provider said: {}", "{\"error\":\"invalid key " + key + "\"}");
        log.error("Call failed", new IllegalStateException("rejected", new RuntimeException("Bearer " + key)));

        // then
        assertThat(rendered()).doesNotContain(key)
                .contains("invalid key ***", "java.lang.IllegalStateException: rejected", "Bearer ***");
        assertThat(appended.list).hasSize(2);
    }

    @Test
    void should_leave_lines_without_a_key_alone_and_ignore_keys_too_short_to_mask() {
        // given
        KeyMasking.protect("abc");

        // when
        log.warn("Keine Antwort von abc-server");

        // then
        assertThat(rendered()).contains("Keine Antwort von abc-server");
        assertThat(KeyMasking.mask("abc")).isEqualTo("abc");
    }

    @Test
    void should_mask_the_key_in_an_llm_exceptions_message() {
        // given
        KeyMasking.protect("proxy-token-0000-1111");

        // when
        LlmException error = LlmException.from("openai",
                new dev.langchain4j.exception.HttpException(401, "unauthorized: proxy-token-0000-1111"));

        // then
        assertThat(error).hasMessage("openai answered HTTP 401: unauthorized: ***");
    }

    /** Each event's message and the messages of its exception chain. */
    private String rendered() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(appended.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
