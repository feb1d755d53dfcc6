package de.studienlotse.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A login session's attributes as JSON, for the table {@code login_session}. Only the few types such a session holds
 * are written, each with its own small shape, and read back by building exactly those types: text (the page to return
 * to after the login), a CSRF token, and a password login (user name and authorities). No class name is stored and
 * nothing is deserialised by type information, so a changed row can at worst forge those values, never run code.
 * Any other attribute is left out with a warning: it lives for the request only.
 * <p>
 * NOTE: the login is kept without its password hash (the principal is rebuilt with an empty password) and with the
 * roles it had at the login; a changed role takes effect at the next login.
 */
final class LoginSessionAttributes {

    private static final Logger log = LoggerFactory.getLogger(LoginSessionAttributes.class);

    private final JsonMapper json;

    LoginSessionAttributes(JsonMapper json) {
        this.json = json;
    }

    /** The attributes that can be stored, as one JSON object. */
    String write(Map<String, Object> attributes) {
        ObjectNode root = json.createObjectNode();
        attributes.forEach((name, value) -> {
            ObjectNode node = encode(value);
            if (node == null) {
                log.warn("Login session attribute '{}' of type {} is not stored (only text, CSRF token and password login are)",
                        name, value == null ? null : value.getClass().getName());
            } else {
                root.set(name, node);
            }
        });
        return json.writeValueAsString(root);
    }

    /** The attributes of a stored session; entries of an unknown shape are dropped. */
    Map<String, Object> read(String text) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            log.warn("Login session attributes unreadable, session taken as empty: {}", e.getOriginalMessage());
            return attributes;
        }
        if (root == null || !root.isObject()) {
            return attributes;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            Object value = decode(entry.getValue());
            if (value == null) {
                log.warn("Login session attribute '{}' has an unknown shape and is dropped", entry.getKey());
            } else {
                attributes.put(entry.getKey(), value);
            }
        }
        return attributes;
    }

    /** The logged-in user's name, if the attributes hold a login. */
    static String principalName(Map<String, Object> attributes) {
        for (Object value : attributes.values()) {
            if (value instanceof SecurityContext context && context.getAuthentication() != null) {
                return context.getAuthentication().getName();
            }
        }
        return null;
    }

    private ObjectNode encode(Object value) {
        ObjectNode node = json.createObjectNode();
        switch (value) {
            case String text -> node.put("type", "text").put("value", text);
            case CsrfToken token -> node.put("type", "csrf").put("headerName", token.getHeaderName())
                    .put("parameterName", token.getParameterName()).put("token", token.getToken());
            case SecurityContext context when context.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
                    && login.isAuthenticated() -> {
                node.put("type", "login").put("name", login.getName());
                ArrayNode authorities = node.putArray("authorities");
                for (GrantedAuthority authority : login.getAuthorities()) {
                    ObjectNode item = authorities.addObject().put("authority", authority.getAuthority());
                    if (authority instanceof FactorGrantedAuthority factor) {
                        item.put("issuedAt", factor.getIssuedAt().toString());
                    }
                }
            }
            case null, default -> {
                return null;
            }
        }
        return node;
    }

    private static Object decode(JsonNode node) {
        try {
            return switch (text(node, "type")) {
                case "text" -> text(node, "value");
                case "csrf" -> new DefaultCsrfToken(text(node, "headerName"), text(node, "parameterName"), text(node, "token"));
                case "login" -> login(node);
                case null, default -> null;
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            // a missing or blank part (the constructors check them), or a bad time
            return null;
        }
    }

    private static SecurityContext login(JsonNode node) {
        String name = text(node, "name");
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (JsonNode item : node.path("authorities").values()) {
            String authority = text(item, "authority");
            String issuedAt = text(item, "issuedAt");
            if (authority == null) {
                return null;
            }
            authorities.add(issuedAt == null ? new SimpleGrantedAuthority(authority)
                    : FactorGrantedAuthority.withAuthority(authority).issuedAt(Instant.parse(issuedAt)).build());
        }
        if (name == null) {
            return null;
        }
        User principal = new User(name, "", authorities);
        Authentication login = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        return new SecurityContextImpl(login);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
