package de.studienlotse.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the feedback. Everything else of the service is public.
 *
 * @param production {@code true} (or the profile {@code prod}): no built-in development login, at least one user must be
 *                   configured, and none may use the development password
 * @param users      the team's logins; without any (and not in production) one development login exists, see
 *                   {@link SecurityConfiguration#DEV_USER}
 */
@ConfigurationProperties("studienlotse.security")
public record SecurityProperties(@DefaultValue("false") boolean production, @DefaultValue List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One login.
     *
     * @param name         user name
     * @param passwordHash BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}), never the password itself
     * @param roles        {@code EVALUATOR} (the default: reads feedback) and/or {@code ADVISOR} (writes consultation
     *                     briefs); a {@code ROLE_} prefix is optional
     */
    public record User(String name, String passwordHash, @DefaultValue("EVALUATOR") List<String> roles) {

        @Override
        public String toString() {
            return "User[name=%s, roles=%s]".formatted(name, roles);
        }
    }
}
