package de.studienlotse.search;

import de.studienlotse.corpus.Activity;

/**
 * A search over the study's passages: the question as typed (searched as text, never parsed as query syntax), how
 * many hits, and optional filters; {@code null} filters do not filter.
 *
 * @param query      the question, any text
 * @param k          how many hits at most, at least 1
 * @param activity   only passages of cases with this Tätigkeit
 * @param caseId     only passages of this case (B1..P4), or {@value #STUDY_TEXT}: only the study's own text (its
 *                   summary, method, tables, conclusion, front matter), no case
 * @param sectionId  only passages of this section ("herausforderungen", "fazit")
 * @param studyQuery the question in the study's own words, as a language model rewrote it, searched beside the
 *                   question and fused with it; {@code null} without a model
 */
public record SearchRequest(String query, int k, Activity activity, String caseId, String sectionId,
                            String studyQuery) {

    /** The {@code caseId} filter for the study's own text: the passages that belong to no case. */
    public static final String STUDY_TEXT = "studie";

    public SearchRequest {
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (studyQuery != null && studyQuery.isBlank()) {
            studyQuery = null;
        }
    }

    /** Without a rewrite of the question. */
    public SearchRequest(String query, int k, Activity activity, String caseId, String sectionId) {
        this(query, k, activity, caseId, sectionId, null);
    }

    /** The whole study, no filters. */
    public static SearchRequest of(String query, int k) {
        return new SearchRequest(query, k, null, null, null);
    }
}
