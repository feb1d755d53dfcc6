package de.studienlotse.advisor;

import de.studienlotse.answer.UnknownWords;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.Concept;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;
import de.studienlotse.search.StudyConcepts;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where the study speaks of a client's concern ("Datenschutz", "Akzeptanz im Team", "Kosten") through the same
 * concept layer the chat searches with ({@code concepts/}: the categories of Tabelle 1/2 and the finer topics, each
 * with its phrasings and the passages tagged with it) and through the passage index. Only challenges, success
 * factors, tips and the cases' facts count as evidence.
 *
 * <p>Search alone is generous (compound parts: "Urheberrecht" finds "recht kompliziert"), so a hit found for the
 * concern's own words counts only if the passage holds every one of them as a word or a compound's part. A concern
 * that names no concept and has no such passage is reported as not covered by the study.
 */
public final class ConcernMatcher {

    static final List<String> SECTIONS = List.of("herausforderungen", "erfolgsfaktoren", "tipps", "eckdaten");
    private static final int K = 15;
    /** A passage tagged with a finer topic of the concern weighs more than a mere member of its category. */
    private static final double TOPIC_TAG = 3;
    private static final double CATEGORY_TAG = 1;

    private final Study study;
    private final PassageIndex index;
    private final StudyConcepts concepts;
    private final CategoryMapping mapping;
    /** The chat's own test of a word the study does not know, so a brief and an answer never disagree on one. */
    private final UnknownWords unknownWords;
    /** Passage id → its analyzed words and their compound parts, for the sections above. */
    private final Map<String, Set<String>> passageTerms = new HashMap<>();

    ConcernMatcher(Study study, PassageIndex index, CategoryMapping mapping) {
        this.study = study;
        this.index = index;
        this.concepts = index.concepts();
        this.mapping = mapping;
        this.unknownWords = new UnknownWords(study);
        for (CaseStudy c : study.cases()) {
            for (String section : SECTIONS) {
                c.section(section).ifPresent(s -> s.passages().forEach(p ->
                        passageTerms.put(p.id(), terms(p.label() == null ? p.text() : p.label() + " " + p.text()))));
            }
        }
    }

    /**
     * Where the study speaks of {@code concern}.
     *
     * @param categories the categories of Tabelle 1/2 its concepts belong to
     * @param unknown    nouns of the concern the study never uses ("Haftung"): the concern counts as not covered,
     *                   whatever its other words find
     * @param evidence   passages, best first: those tagged with its topics or holding its own words before mere
     *                   members of its categories; empty if the study does not cover the concern
     */
    public record Match(String concern, List<Category> categories, List<Passage> evidence, List<String> unknown) {

        public boolean addressed() {
            return !evidence.isEmpty();
        }
    }

    /** Blocking (Lucene): call it off the event loop. */
    public Match match(String concern) {
        QueryTerms query = index.analyze(concern);
        List<String> unknown = unknownWords.words(concern, query, UnknownWords.Form.PHRASE);
        if (!unknown.isEmpty()) {
            return new Match(concern, List.of(), List.of(), unknown);
        }
        Set<Category> categories = new LinkedHashSet<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String id : query.concepts()) {
            Concept concept = concepts.byId(id).orElseThrow();
            category(concept).ifPresent(categories::add);
            boolean topic = concept.category() != null || category(concept).isEmpty();
            for (String passage : concepts.passages(id)) {
                if (passageTerms.containsKey(passage)) {
                    scores.merge(passage, topic ? TOPIC_TAG : CATEGORY_TAG, Double::sum);
                }
            }
        }
        for (Category category : categories) {
            for (String id : mapping.passagesOf(category, study)) {
                scores.merge(id, CATEGORY_TAG, Double::sum);
            }
        }
        List<String> own = ownTerms(concern);
        if (!own.isEmpty()) {
            search(concern, hit -> passageTerms.getOrDefault(hit.passage().id(), Set.of()).containsAll(own), scores);
        }
        List<Passage> evidence = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(e -> study.passage(e.getKey()).orElseThrow())
                .toList();
        return new Match(concern, List.copyOf(categories), evidence, List.of());
    }

    /** The Tabelle 1/2 category of a concept: itself ({@code t1-datenschutz}) or the one it belongs to. */
    private Optional<Category> category(Concept concept) {
        String id = concept.category() != null ? concept.category() : concept.id();
        Category.Table table = id.startsWith("t1-") ? Category.Table.HERAUSFORDERUNGEN
                : id.startsWith("t2-") ? Category.Table.ERFOLGSFAKTOREN : null;
        return table == null ? Optional.empty()
                : concepts.byId(id).flatMap(c -> Category.find(table, c.nameDe()));
    }

    private void search(String query, java.util.function.Predicate<SearchHit> accept, Map<String, Double> scores) {
        for (String section : SECTIONS) {
            List<SearchHit> hits = index.search(new SearchRequest(query, K, null, null, section));
            float best = hits.isEmpty() ? 1 : Math.max(hits.getFirst().score(), 1e-6f);
            for (SearchHit hit : hits) {
                if (hit.passage().caseId() != null && accept.test(hit)) {
                    scores.merge(hit.passage().id(), 2 + hit.score() / (double) best, Double::sum);
                }
            }
        }
    }

    /** The analyzed forms of the text's content words, as the index sees them ("Datenschutzes" → "datenschutz"). */
    private List<String> ownTerms(String text) {
        return index.analyze(text).terms().stream().map(QueryTerms.QueryTerm::term).flatMap(t -> List.of(t.split(" ")).stream())
                .toList();
    }

    /** Every analyzed word of the text and its compound parts (not the synonym bridges). */
    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (QueryTerms.QueryTerm term : index.analyze(text).terms()) {
            terms.addAll(List.of(term.term().split(" ")));
            term.expansions().stream().filter(e -> term.term().contains(e)).forEach(terms::add);
        }
        return terms;
    }
}
