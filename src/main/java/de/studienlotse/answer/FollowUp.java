package de.studienlotse.answer;

import java.util.List;

/**
 * What a follow-up took from the conversation: the question it was read with, and the cases and Tätigkeit it kept from
 * it. The widget shows it ("Als Folgefrage zu „…“ beantwortet") so a reader can ask the question again on its own.
 *
 * @param question the previous question, as the user asked it
 * @param caseIds  the cases the follow-up was answered about (empty: the previous question's topic only)
 * @param taetigkeit the Tätigkeit it kept, in the study's spelling, or {@code null}
 */
public record FollowUp(String question, List<String> caseIds, String taetigkeit) {

    public FollowUp {
        if (question == null || question.isBlank()) throw new IllegalArgumentException("question must not be blank");
        caseIds = List.copyOf(caseIds);
    }
}
