package de.studienlotse.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser login's session, kept in the database so that every instance knows it (table {@code login_session}).
 *
 * @param idleTimeout     a login not used for this long ends; the session and its CSRF token go with it
 * @param cleanupInterval how often expired sessions are deleted (reads ignore them at once)
 */
@ConfigurationProperties("studienlotse.security.session")
public record LoginSessionProperties(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("10m") Duration cleanupInterval) {

    public LoginSessionProperties {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("studienlotse.security.session.idle-timeout must be positive");
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("studienlotse.security.session.cleanup-interval must be positive");
        }
    }
}
