package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextImpl;
import tools.jackson.databind.json.JsonMapper;

/** Only the known attribute types are written, and reading builds only those: no type comes from the row. */
class LoginSessionAttributesTests {

    private final LoginSessionAttributes attributes = new LoginSessionAttributes(JsonMapper.builder().build());

    @Test
    void should_leave_out_attributes_of_other_types() {
        // given
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "/werkbank");
        values.put("number", 42);
        values.put("anonymous", new SecurityContextImpl());

        // when
        Map<String, Object> read = attributes.read(attributes.write(values));

        // then
        assertThat(read).containsOnlyKeys("text").containsEntry("text", "/werkbank");
    }

    @Test
    void should_not_build_a_class_a_changed_row_names() {
        // given: a row someone changed to name a class, in the shapes polymorphic deserialisation would follow
        String forged = """
                {"a": {"@class": "java.net.URL", "value": "http://example.org"},
                 "b": ["java.net.URL", "http://example.org"],
                 "c": {"type": "java.net.URL", "value": "http://example.org"},
                 "d": {"type": "login", "name": "anna", "authorities": [{"@class": "java.net.URL"}]},
                 "e": {"type": "csrf", "headerName": "X-CSRF-TOKEN", "parameterName": "_csrf"},
                 "f": "kein Objekt"}""";

        // when
        Map<String, Object> read = attributes.read(forged);

        // then
        assertThat(read).isEmpty();
    }

    @Test
    void should_take_an_unreadable_row_as_an_empty_session() {
        assertThat(attributes.read("{kaputt")).isEmpty();
        assertThat(attributes.read("[]")).isEmpty();
    }
}
