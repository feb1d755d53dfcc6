package de.studienlotse.answer;

import java.util.List;

/**
 * A finished answer.
 *
 * @param text        Markdown with citation markers {@code [n]}
 * @param citations   exactly the sources the text cites, in order of first use
 * @param abstained   the study does not cover the question; {@code suggestions} holds questions it can answer
 * @param uncited     an answer that should cite but ended with no valid citation (a warning for the reader)
 * @param backend     who wrote the text: "extractive", "openai:gpt-4o-mini", ...
 * @param notice      a note for the reader, e.g. that the language model failed and the extractive answer stands in
 * @param statements  the text's sentences with how far their cited passages carry them (none for an abstention)
 * @param followUp    the question was read as a follow-up of the turns before it
 * @param followUpOf  for a follow-up: the question it was read with and what it kept from it; else {@code null}
 */
public record Answer(String text, List<Citation> citations, boolean abstained, boolean uncited, String backend,
                     String notice, List<String> suggestions, List<Statement> statements, boolean followUp,
                     FollowUp followUpOf) {

    public Answer {
        citations = List.copyOf(citations);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
