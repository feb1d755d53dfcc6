package de.studienlotse.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KeyMaskingTests {

    private static final Logger log = LoggerFactory.getLogger(KeyMaskingTests.class);

    @Test
    void should_mask_a_configured_key_of_any_form_in_message_arguments_and_exceptions(CapturedOutput output) {
        // given: no sk- prefix, nothing a pattern would recognise
        String key = "gw_live.Zq81xKp3-Y7rT2";
        KeyMasking.protect(key);

        // when
        log.warn("Provider said: {}", "{\"error\":\"invalid key " + key + "\"}");
        log.error("Call failed", new IllegalStateException("rejected", new RuntimeException("Bearer " + key)));

        // then
        assertThat(output.getAll()).doesNotContain(key)
                .contains("invalid key ***", "java.lang.IllegalStateException: rejected", "Bearer ***");
    }

    @Test
    void should_leave_lines_without_a_key_alone_and_ignore_keys_too_short_to_mask(CapturedOutput output) {
        // given
        KeyMasking.protect("abc");

        // when
        log.warn("Keine Antwort von abc-server");

        // then
        assertThat(output.getAll()).contains("Keine Antwort von abc-server");
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
}
