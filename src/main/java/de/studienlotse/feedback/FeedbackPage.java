package de.studienlotse.feedback;

import java.util.List;

/**
 * One page of ratings, the latest first.
 *
 * @param page  0-based
 * @param total ratings the filter selects on all pages
 */
public record FeedbackPage(List<Feedback> items, int page, int size, long total) {
}
