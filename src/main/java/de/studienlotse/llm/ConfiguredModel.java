package de.studienlotse.llm;

import java.util.Objects;
import java.util.Optional;

import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * The configured language model, or none in the extractive mode; callers ask {@link #isPresent()} before generating.
 * Not called {@code ConfiguredModel}: that is LangChain4j's non-streaming model interface, which this is not.
 *
 * @param model       the streaming client of the configured provider; empty for {@code extractive}
 * @param backendName what answers; {@code extractive} or provider and model, e.g. {@code openai:gpt-4o-mini}; safe to show
 */
public record ConfiguredModel(Optional<StreamingChatModel> model, String backendName) {

    public ConfiguredModel {
        Objects.requireNonNull(model, "model must not be null, use Optional.empty()");
        if (backendName == null || backendName.isBlank()) throw new IllegalArgumentException("backendName must not be blank");
    }

    /** No model: answers are extracted from the retrieved passages. */
    public static ConfiguredModel extractive() {
        return new ConfiguredModel(Optional.empty(), "extractive");
    }

    /** Whether a model is configured, i.e. answers may be generated. */
    public boolean isPresent() {
        return model.isPresent();
    }
}
