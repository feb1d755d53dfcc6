package de.studienlotse.llm;

/** The model stayed silent past the first-token timeout, or its answer ran past the overall timeout. */
public class LlmTimeoutException extends LlmException {

    public LlmTimeoutException(String message) {
        super(message);
    }
}
