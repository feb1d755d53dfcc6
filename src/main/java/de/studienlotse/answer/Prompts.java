package de.studienlotse.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** The prompts of {@code prompts/}, read once; {@link #fill} replaces {@code {{name}}} placeholders. */
record Prompts(String system, String answer, String rewrite, String studyQuery) {

    static Prompts load(String location) {
        return new Prompts(read(location, "answer-system.md"), read(location, "answer-user.md"), read(location, "rewrite.md"),
                read(location, "query-study-vocabulary.md"));
    }

    static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }

    private static String read(String location, String name) {
        Resource resource = new DefaultResourceLoader().getResource(location + name);
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Prompt " + name + " missing at " + location, e);
        }
    }
}
