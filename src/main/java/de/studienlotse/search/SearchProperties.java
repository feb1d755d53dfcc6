package de.studienlotse.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the passage index, under {@code studienlotse.search}.
 *
 * @param boosts       weight of a match per field
 * @param defaultK     hits returned when the caller names no k
 * @param indexPath    directory for the index on disk; empty or unset keeps it in memory (rebuilt at start-up
 *                     either way)
 * @param stemming     German stemmer of the analyzer
 * @param bridges      whether query-time synonyms and the English glossary are applied
 * @param partWeight   weight of a compound part relative to the whole word ("rechnung" in "Rechnungsverarbeitung")
 * @param bridgeWeight weight of a bridge word relative to the question's own word ("Mitarbeitende" for "Kollegen")
 * @param thesaurusWeight weight of an OpenThesaurus alternative that the index holds ("Angst" for "Schiss"); 0 switches
 *                      the thesaurus off
 * @param conceptWeight weight of a concept the question names, as a match of the passages tagged with it
 *                      ({@link StudyConcepts}); 0 switches the concept layer off
 * @param relevantCaseShare a case (or study section) counts as relevant when one of its passages scores at least this
 *                      share of the best hit; no case takes a third slot while a relevant one has none. 0 keeps
 *                      BM25's order
 * @param cacheDir     what start-up builds from fixed inputs, kept between starts: the German dictionaries' answers for
 *                     the study's words ({@link GermanMorphology#fingerprint()} names the file) and the in-memory index
 *                     with the thesaurus, bridges and concepts ({@link SearchCache}); empty or unset builds them at
 *                     every start
 */
@ConfigurationProperties("studienlotse.search")
public record SearchProperties(@DefaultValue Boosts boosts, @DefaultValue("10") int defaultK, String indexPath,
                               @DefaultValue("LIGHT") StudyAnalyzer.Stemming stemming,
                               @DefaultValue("true") boolean bridges,
                               @DefaultValue("0.5") float partWeight, @DefaultValue("0.5") float bridgeWeight,
                               @DefaultValue("0.3") float thesaurusWeight,
                               @DefaultValue("1.0") float conceptWeight,
                               @DefaultValue("0.5") float relevantCaseShare,
                               String cacheDir) {

    /**
     * Field weights.
     *
     * @param text        the passage text
     * @param label       its bold label or step title ("Transparente Kommunikation")
     * @param application the case's KI-Anwendung title ("Automatisierte Rechnungsverarbeitung")
     * @param branche     the case's Branche ("Logistik")
     * @param activity    the case's Tätigkeit ("Buchhaltung")
     * @param section     the section title ("Herausforderungen | KI-Einführung")
     */
    public record Boosts(@DefaultValue("1.0") float text, @DefaultValue("1.2") float label,
                         @DefaultValue("1.05") float application, @DefaultValue("1.0") float branche,
                         @DefaultValue("1.0") float activity, @DefaultValue("1.0") float section) {

        /**
         * Label 1.2 and case title 1.05, the rest 1.0: BM25's length normalisation already lifts short fields over long
         * text, so only a light extra weight helps. On the whole gold set it kept the sources' Recall@5 (0.827 → 0.829)
         * and raised citation precision (0.621 → 0.629). A title weight of 1.1 already lets the three cases titled
         * "Automatisierte Rechnungsverarbeitung" crowd B5 out of the top ten for "Rechnungsverarbeitung"; label 2.0
         * with title and Branche 1.5 lowered the search's Recall@5 from 0.81 to 0.75 ({@code EvaluationCommand tuning}).
         */
        public static Boosts defaults() {
            return new Boosts(1.0f, 1.2f, 1.05f, 1.0f, 1.0f, 1.0f);
        }
    }

    public SearchProperties {
        if (boosts == null) {
            boosts = Boosts.defaults();
        }
        if (defaultK < 1 || defaultK > 50) {
            throw new IllegalArgumentException("studienlotse.search.default-k must be within 1..50: " + defaultK);
        }
        if (stemming == null) {
            stemming = StudyAnalyzer.Stemming.LIGHT;
        }
        if (relevantCaseShare < 0 || relevantCaseShare > 1) {
            throw new IllegalArgumentException("studienlotse.search.relevant-case-share must be within [0, 1]: "
                    + relevantCaseShare);
        }
    }

    /** The defaults above, for code that runs without Spring (evaluation, benchmark, tests). */
    public static SearchProperties defaults() {
        return new SearchProperties(Boosts.defaults(), 10, null, StudyAnalyzer.Stemming.LIGHT, true, 0.5f, 0.5f,
                0.3f, 1.0f, 0.5f, null);
    }

    public SearchProperties withIndexPath(String value) {
        return new SearchProperties(boosts, defaultK, value, stemming, bridges, partWeight, bridgeWeight,
                thesaurusWeight, conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withBridges(boolean enabled) {
        return new SearchProperties(boosts, defaultK, indexPath, stemming, enabled, partWeight, bridgeWeight,
                thesaurusWeight, conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withStemming(StudyAnalyzer.Stemming value) {
        return new SearchProperties(boosts, defaultK, indexPath, value, bridges, partWeight, bridgeWeight,
                thesaurusWeight, conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withBoosts(Boosts value) {
        return new SearchProperties(value, defaultK, indexPath, stemming, bridges, partWeight, bridgeWeight,
                thesaurusWeight, conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withWeights(float parts, float bridgeWords) {
        return new SearchProperties(boosts, defaultK, indexPath, stemming, bridges, parts, bridgeWords,
                thesaurusWeight, conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withThesaurusWeight(float value) {
        return new SearchProperties(boosts, defaultK, indexPath, stemming, bridges, partWeight, bridgeWeight, value,
                conceptWeight, relevantCaseShare, cacheDir);
    }

    public SearchProperties withConceptWeight(float value) {
        return new SearchProperties(boosts, defaultK, indexPath, stemming, bridges, partWeight, bridgeWeight,
                thesaurusWeight, value, relevantCaseShare, cacheDir);
    }

    public SearchProperties withRelevantCaseShare(float value) {
        return new SearchProperties(boosts, defaultK, indexPath, stemming, bridges, partWeight, bridgeWeight, thesaurusWeight,
                conceptWeight, value, cacheDir);
    }
}
