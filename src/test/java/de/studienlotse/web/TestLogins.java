package de.studienlotse.web;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Logins of a test, configured as in production ({@code studienlotse.security.users[i]}: name, BCrypt hash, roles),
 * all with one password; the hash at the lowest cost, since some tests log in hundreds of times.
 */
public final class TestLogins {

    private TestLogins() {
    }

    /** @param roles each login's name and its roles ("ADVISOR", "EVALUATOR", "GUEST") */
    public static void register(DynamicPropertyRegistry registry, String password, Map<String, String> roles) {
        String hash = new BCryptPasswordEncoder(4).encode(password);
        int i = 0;
        for (Map.Entry<String, String> user : roles.entrySet()) {
            String prefix = "studienlotse.security.users[" + i++ + "].";
            registry.add(prefix + "name", user::getKey);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", user::getValue);
        }
    }
}
