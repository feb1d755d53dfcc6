package de.studienlotse.answer.llm;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The one way to read a prompt of {@code prompts/} ({@code studienlotse.prompts.location}, a Spring resource location
 * such as {@code classpath:prompts/} or {@code file:prompts/}): as LangChain4j's {@link PromptTemplate}, whose
 * {@code {{name}}} placeholders are filled by {@link #fill}; a placeholder without a value fails
 * ("Value for the variable 'question' is missing") instead of reaching the model as text.
 */
public final class PromptFiles {

    private PromptFiles() {
    }

    /** The prompt file {@code name} at {@code location}, read once at start-up; a missing file stops the start. */
    public static PromptTemplate load(String location, String name) {
        try {
            String text = new DefaultResourceLoader().getResource(location + name).getContentAsString(StandardCharsets.UTF_8);
            return PromptTemplate.from(text.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Prompt " + name + " missing at " + location, e);
        }
    }

    /** The template with every placeholder filled; throws IllegalArgumentException for a placeholder not in values. */
    public static String fill(PromptTemplate template, Map<String, ?> values) {
        return template.apply(Map.copyOf(values)).text();
    }
}
