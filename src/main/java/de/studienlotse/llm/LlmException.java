package de.studienlotse.llm;

import java.util.regex.Pattern;

import dev.langchain4j.exception.HttpException;

/** A model call failed: the provider answered with an error, or could not be reached. Messages carry no secrets. */
public class LlmException extends RuntimeException {

    // OpenAI ("sk-...", "sk-proj-...") and Anthropic ("sk-ant-...") keys; some error bodies echo a key back in part
    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9_\\-]{6,}");
    private static final int MAX_DETAIL = 300;

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Wraps a failure reported by LangChain4j. For an HTTP error the provider's body is quoted (shortened, keys
     * masked) but not kept as cause, since the mapped LangChain4j exception repeats it verbatim.
     */
    static LlmException from(String backend, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return new LlmException("%s answered HTTP %d: %s".formatted(backend, http.statusCode(), detail(http.getMessage())));
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return new LlmTimeoutException("%s did not answer in time: %s".formatted(backend, detail(t.getMessage())));
            }
            if (t instanceof StreamFaultException fault) {
                return new LlmException("%s %s".formatted(backend, detail(fault.getMessage())));
            }
        }
        return new LlmException("%s call failed: %s: %s".formatted(backend, failure.getClass().getSimpleName(),
                detail(firstMessage(failure))), failure);
    }

    /** The outermost message in the chain: LangChain4j and the JDK often wrap a cause without one of their own. */
    private static String firstMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        }
        return null;
    }

    private static String detail(String text) {
        if (text == null || text.isBlank()) return "(no detail)";
        String masked = KeyMasking.mask(API_KEY.matcher(text.strip()).replaceAll("sk-***"));
        return masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…";
    }
}
