package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SecurityConfigurationTests {

    // low cost factor: these tests check rules, not hashing strength
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @Test
    void should_offer_the_documented_development_login_without_configured_users() {
        // when
        List<UserDetails> users = SecurityConfiguration.users(new SecurityProperties(false, List.of()), false, encoder);

        // then
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("evaluator", "berater");
        assertThat(users).allSatisfy(user -> assertThat(encoder.matches("studienlotse-dev", user.getPassword())).isTrue());
        assertThat(users.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_EVALUATOR");
        assertThat(users.get(1).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADVISOR");
    }

    @Test
    void should_refuse_to_start_in_production_without_configured_users() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SecurityConfiguration.users(new SecurityProperties(true, List.of()), true, encoder))
                .withMessageContaining("studienlotse.security.users[0]").withMessageContaining("no default password");
    }

    @Test
    void should_refuse_the_development_password_in_production() {
        SecurityProperties properties = new SecurityProperties(true,
                List.of(new SecurityProperties.User("team", encoder.encode("studienlotse-dev"), List.of("EVALUATOR"))));

        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.users(properties, true, encoder))
                .withMessageContaining("development password");
    }

    @Test
    void should_take_configured_users_with_bcrypt_hashes_and_roles() {
        // given: htpasswd -nbBC 10 "" ... writes $2y$
        String hash = encoder.encode("ein-langes-passwort").replaceFirst("^\\$2a\\$", "\\$2y\\$");
        SecurityProperties properties = new SecurityProperties(true, List.of(
                new SecurityProperties.User("anna", hash, List.of("evaluator")),
                new SecurityProperties.User("ben", "{bcrypt}" + hash, List.of("ROLE_EVALUATOR"))));

        // when
        List<UserDetails> users = SecurityConfiguration.users(properties, true, encoder);

        // then
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("anna", "ben");
        assertThat(users).allSatisfy(user -> {
            assertThat(encoder.matches("ein-langes-passwort", user.getPassword())).isTrue();
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_EVALUATOR");
        });
    }

    @Test
    void should_refuse_a_password_where_a_hash_belongs() {
        SecurityProperties properties = new SecurityProperties(false,
                List.of(new SecurityProperties.User("anna", "geheim", List.of("EVALUATOR"))));

        assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.users(properties, false, encoder))
                .withMessageContaining("password-hash must be a BCrypt hash");
    }
}
