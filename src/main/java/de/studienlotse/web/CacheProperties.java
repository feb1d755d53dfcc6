package de.studienlotse.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long browsers and proxies keep the static files ({@code widget.js}, style sheets, the WebJars).
 *
 * @param versioned   a URL that names its content ({@code /widget-<md5>.js}, {@code /webjars/marked/17.0.1/...}): it never
 *                    changes, so it is kept long and marked immutable
 * @param unversioned a stable URL such as the embed snippet's {@code /widget.js}: short, so a new release reaches the
 *                    host pages within this time; afterwards the browser revalidates (304 when unchanged)
 */
@ConfigurationProperties("studienlotse.web.cache")
public record CacheProperties(@DefaultValue("365d") Duration versioned, @DefaultValue("10m") Duration unversioned) {

    public CacheProperties {
        if (versioned.isNegative() || unversioned.isNegative()) {
            throw new IllegalArgumentException("studienlotse.web.cache durations must not be negative");
        }
    }
}
