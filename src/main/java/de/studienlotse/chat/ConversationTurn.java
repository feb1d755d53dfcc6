package de.studienlotse.chat;

import de.studienlotse.answer.Turn;
import java.util.List;
import java.util.stream.Stream;

/** One question of a conversation with the answer it got (the answer's text with its markers). */
record ConversationTurn(String question, String answer) {

    ConversationTurn {
        if (question == null) throw new IllegalArgumentException("question must not be null");
        if (answer == null) throw new IllegalArgumentException("answer must not be null");
    }

    /** The turns as the answer pipeline reads them: question, answer, question, answer … */
    static List<Turn> history(List<ConversationTurn> turns) {
        return turns.stream().flatMap(t -> Stream.of(Turn.user(t.question()), Turn.assistant(t.answer()))).toList();
    }
}
