package de.studienlotse.answer;

import java.util.List;

/** What an answer stream emits: the sources first, then text deltas, then the finished answer. */
public sealed interface AnswerEvent {

    /** The numbered passages the answer may cite, sent before any text. */
    record Sources(List<Citation> sources) implements AnswerEvent {
    }

    /** A piece of the answer's text; citation markers in it are already checked. */
    record Token(String text) implements AnswerEvent {
    }

    /** The whole answer; always the last event of a stream that did not fail. */
    record Done(Answer answer) implements AnswerEvent {
    }
}
