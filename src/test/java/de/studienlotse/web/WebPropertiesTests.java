package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebPropertiesTests {

    final WebProperties.RateLimit limit = new WebProperties.RateLimit(true, 30, Duration.ofMinutes(1), 30, 100_000, true);

    @Test
    void should_write_any_port_for_cors_and_for_frame_ancestors() {
        // given
        WebProperties properties = new WebProperties(List.of("https://www.kammer.de", " https://*.zukunftszentrum.de ",
                "http://localhost:*"), limit);

        // then
        assertThat(properties.corsOriginPatterns())
                .containsExactly("https://www.kammer.de", "https://*.zukunftszentrum.de", "http://localhost:[*]");
        assertThat(properties.frameAncestors())
                .isEqualTo("'self' https://www.kammer.de https://*.zukunftszentrum.de http://localhost:*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://www.kammer.de/", "https://www.kammer.de/seite", "www.kammer.de", "ftp://kammer.de"})
    void should_reject_what_is_not_an_origin(String origin) {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebProperties(List.of(origin), limit))
                .withMessageContaining("studienlotse.web.allowed-origins");
    }

    @Test
    void should_reject_a_limit_below_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebProperties.RateLimit(true, 0, Duration.ofMinutes(1), 30, 100_000, true));
    }
}
