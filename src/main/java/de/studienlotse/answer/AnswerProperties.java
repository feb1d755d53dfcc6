package de.studienlotse.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are assembled.
 *
 * @param maxSources   passages handed to the answerer for an open question
 * @param maxPerCase   passages of one case among them, unless the question is about that case
 * @param retrievalK   hits fetched per search before selection
 * @param abstention   when the evidence of the retrieved passages is too weak to answer ({@link Abstention.Evidence})
 * @param quoteLength  passages longer than this are shortened at a sentence end in extractive answers
 */
@ConfigurationProperties("studienlotse.answer")
public record AnswerProperties(@DefaultValue("8") int maxSources, @DefaultValue("3") int maxPerCase,
                               @DefaultValue("12") int retrievalK, @DefaultValue AbstentionProperties abstention,
                               @DefaultValue("360") int quoteLength) {

    /**
     * The evidence score {@code coverage + conceptWeight × concepts − unknownNounPenalty × unknown names
     * − commonNounPenalty × unknown common nouns} of a question against its best passages, and the score below which
     * the answer abstains. The defaults are the calibration on the development set ({@code AbstentionCalibration}); the
     * gold, blind and fresh sets are the held-out check.
     *
     * @param minEvidence        below this score the study is taken not to cover the question
     * @param conceptWeight      what one study concept shared by the question and a top source adds (at most two count)
     * @param unknownNounPenalty what one name or foreign term the study never uses ("Sachsen", "ROI", "Excel") takes away
     * @param commonNounPenalty  what one common German noun the study never uses ("Keller", "Geschlecht") takes away:
     *                           everyday words of a question about what the study does cover
     */
    public record AbstentionProperties(@DefaultValue("0.22") double minEvidence,
                                       @DefaultValue("0.20") double conceptWeight,
                                       @DefaultValue("1.0") double unknownNounPenalty,
                                       @DefaultValue("0.3") double commonNounPenalty) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public AbstentionProperties {
        }

        /** One penalty for every unknown noun, name or not. */
        public AbstentionProperties(double minEvidence, double conceptWeight, double unknownNounPenalty) {
            this(minEvidence, conceptWeight, unknownNounPenalty, unknownNounPenalty);
        }
    }
}
