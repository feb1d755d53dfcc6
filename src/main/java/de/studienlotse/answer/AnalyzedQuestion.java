package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import java.util.List;
import java.util.Set;

/**
 * A question after reading it: what it asks about and which cases it means, follow-ups resolved against earlier turns.
 *
 * @param searchText what retrieval searches for (the question, plus the previous question for short follow-ups)
 * @param caseIds    cases the question names or, for a follow-up, the cases of the previous turn
 * @param activity   the Tätigkeit it is limited to, or {@code null}
 * @param followUp   whether earlier turns were needed to understand it
 * @param whichCases whether it asks which cases (firms) did something: then every matching case is listed
 * @param studyQuery the question rewritten by the language model into the study's words, searched beside
 *                   {@code searchText}; {@code null} without a model or when the rewrite failed
 */
record AnalyzedQuestion(String text, String searchText, Language language, Set<Topic> topics,
                               List<String> caseIds, Activity activity, boolean followUp, boolean whichCases,
                               String studyQuery) {

    /** Without a rewrite into the study's words. */
    public AnalyzedQuestion(String text, String searchText, Language language, Set<Topic> topics,
                            List<String> caseIds, Activity activity, boolean followUp, boolean whichCases) {
        this(text, searchText, language, topics, caseIds, activity, followUp, whichCases, null);
    }

    public AnalyzedQuestion {
        // an EnumSet: the topics are read in a fixed order, so the same question gives the same sources
        topics = java.util.Collections.unmodifiableSet(topics.isEmpty() ? java.util.EnumSet.noneOf(Topic.class)
                : java.util.EnumSet.copyOf(topics));
        caseIds = List.copyOf(caseIds);
    }

    AnalyzedQuestion withStudyQuery(String query) {
        return new AnalyzedQuestion(text, searchText, language, topics, caseIds, activity, followUp, whichCases, query);
    }

    boolean asks(Topic topic) {
        return topics.contains(topic);
    }

    boolean english() {
        return language == Language.EN;
    }
}
