package de.studienlotse.llm;

/**
 * The language model is configured so that it cannot work; stops the start-up. {@link LlmFailureAnalyzer} prints the
 * description and the action instead of a stack trace.
 */
class LlmSetupException extends RuntimeException {

    private final String action;

    LlmSetupException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to change, naming the environment variable. */
    public String action() {
        return action;
    }
}
