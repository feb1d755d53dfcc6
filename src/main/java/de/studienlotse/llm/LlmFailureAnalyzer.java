package de.studienlotse.llm;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import de.studienlotse.llm.LlmProperties.Provider;

/**
 * Turns a misconfigured language model into Spring Boot's start-up report (description and action) instead of a
 * stack trace: a missing key or model ({@link LlmSetupException}) and any value of {@code studienlotse.llm.*} that does
 * not bind, such as an unknown provider. Registered in {@code META-INF/spring.factories}; ahead of Boot's own bind
 * analysis, which would not name the environment variables.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LlmFailureAnalyzer implements FailureAnalyzer {

    private static final String PREFIX = "studienlotse.llm";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmSetupException setup) {
                return new FailureAnalysis(setup.getMessage(), setup.action(), setup);
            }
            if (t instanceof BindException bind && bind.getName().toString().startsWith(PREFIX)) {
                return bindFailure(bind);
            }
        }
        return null;
    }

    private static FailureAnalysis bindFailure(BindException bind) {
        String name = bind.getProperty() != null ? bind.getProperty().getName().toString() : bind.getName().toString();
        Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
        String origin = bind.getProperty() == null || bind.getProperty().getOrigin() == null
                ? "" : " (from " + bind.getProperty().getOrigin() + ")";
        String reason = rootMessage(bind);
        String description = value == null
                ? "The language model settings %s.* cannot be used: %s".formatted(PREFIX, reason)
                : "%s=%s%s cannot be used: %s".formatted(name, value, origin, reason);
        String action = name.endsWith(".provider")
                ? "Set STUDIENLOTSE_LLM_PROVIDER (studienlotse.llm.provider) to one of: " + providers() + "."
                : "Correct %s (environment variable %s); durations are written like 5s or 2m, see the README's LLM settings."
                        .formatted(name, environmentVariable(name));
        return new FailureAnalysis(description, action, bind);
    }

    private static String providers() {
        return Arrays.stream(Provider.values()).map(Provider::id).collect(Collectors.joining(", "));
    }

    static String environmentVariable(String property) {
        return property.toUpperCase().replace('.', '_').replace("-", "");
    }

    private static String rootMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        }
        return message;
    }
}
