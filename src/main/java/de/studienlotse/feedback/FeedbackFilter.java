package de.studienlotse.feedback;

import java.time.Instant;

/**
 * Which ratings the team looks at; every part optional.
 *
 * @param from ratings given (or last changed) at or after this instant
 * @param to   ... and before this instant
 */
record FeedbackFilter(Rating rating, Instant from, Instant to) {

    static final FeedbackFilter ALL = new FeedbackFilter(null, null, null);
}
