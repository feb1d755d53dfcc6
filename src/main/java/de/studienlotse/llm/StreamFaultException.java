package de.studienlotse.llm;

/** The provider's stream broke after its 200 headers: an error event, or an end without the end marker. */
class StreamFaultException extends RuntimeException {

    StreamFaultException(String message) {
        super(message);
    }
}
