package de.studienlotse.chat;

import de.studienlotse.answer.Answer;
import de.studienlotse.answer.Citation;
import de.studienlotse.answer.FollowUp;
import de.studienlotse.answer.Statement;
import java.util.List;

/**
 * A finished answer as the API returns it (and as the stream's {@code done} event carries it).
 *
 * @param answer      Markdown with citation markers [n]
 * @param citations   the sources the answer cites, in order of first use
 * @param abstained   the study does not cover the question
 * @param uncited     the answer should cite but has no valid citation: treat it with care
 * @param notice      e.g. that the language model failed and the offline answer stands in
 * @param suggestions questions the study can answer, offered when it could not answer this one
 * @param statements  each sentence of {@code answer} (by offsets) with its cited sources and whether they support it:
 *                    {@code supported}, {@code partly} or {@code unsupported}
 * @param followUp    the question was read as a follow-up of the previous one; ask with {@code fresh} to read it alone
 * @param followUpOf  for a follow-up: the previous question and the cases and Tätigkeit it kept; else {@code null}
 * @param rateable    the answer is stored, so {@code POST /api/feedback} with its {@code messageId} is accepted; false
 *                    when the database could not keep it in time (the notice says so too)
 */
public record ChatResponse(String conversationId, String messageId, String answer, List<Citation> citations,
                           boolean abstained, boolean uncited, String backend, String notice, List<String> suggestions,
                           List<Statement> statements, boolean followUp,
                           FollowUp followUpOf, boolean rateable) {

    static ChatResponse of(String conversationId, String messageId, Answer answer) {
        return of(conversationId, messageId, answer, null, true);
    }

    /** With a note of the chat's own (e.g. that the conversation's history could not be read) after the answer's. */
    static ChatResponse of(String conversationId, String messageId, Answer answer, String chatNotice,
                           boolean rateable) {
        String notice = chatNotice == null ? answer.notice()
                : answer.notice() == null ? chatNotice : answer.notice() + " " + chatNotice;
        return new ChatResponse(conversationId, messageId, answer.text(), answer.citations(), answer.abstained(),
                answer.uncited(), answer.backend(), notice, answer.suggestions(), answer.statements(), answer.followUp(),
                answer.followUpOf(), rateable);
    }
}
