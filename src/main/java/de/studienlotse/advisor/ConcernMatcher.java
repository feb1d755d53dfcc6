package de.studienlotse.advisor;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds where the study speaks of a client's concern ("Datenschutz", "Akzeptanz im Team", "Kosten"): through our
 * concern vocabulary ({@code advisor/anliegen.tsv}: keywords → categories of Tabelle 1/2 and the study's own words)
 * and through the passage index. Only challenges, success factors, tips and the cases' facts count as evidence.
 *
 * <p>Search alone is generous (compound parts: "Urheberrecht" finds "recht kompliziert"), so a hit found for the
 * concern's own words counts only if the passage holds every one of them as a word or a compound's part. A concern
 * without vocabulary entry and without such a passage is reported as not covered by the study.
 */
public final class ConcernMatcher {

    static final List<String> SECTIONS = List.of("herausforderungen", "erfolgsfaktoren", "tipps", "eckdaten");
    private static final int K = 15;

    private final Study study;
    private final PassageIndex index;
    private final CategoryMapping mapping;
    private final List<VocabularyEntry> vocabulary;
    /** Passage id → its analyzed words and their compound parts, for the sections above. */
    private final Map<String, Set<String>> passageTerms = new HashMap<>();

    ConcernMatcher(Study study, PassageIndex index, CategoryMapping mapping, String vocabularyTsv) {
        this.study = study;
        this.index = index;
        this.mapping = mapping;
        this.vocabulary = VocabularyEntry.parse(vocabularyTsv);
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
     * @param categories the categories the vocabulary ties it to
     * @param unknown    nouns of the concern the study never uses ("Haftung"): the concern counts as not covered,
     *                   whatever its other words find
     * @param evidence   passages, best first: those holding the concern's (or its vocabulary's) words before mere
     *                   members of its categories; empty if the study does not cover the concern
     */
    public record Match(String concern, List<Category> categories, List<Passage> evidence, List<String> unknown) {

        public boolean addressed() {
            return !evidence.isEmpty();
        }
    }

    /** Blocking (Lucene): call it off the event loop. */
    public Match match(String concern) {
        List<QueryTerms.QueryTerm> analyzed = index.analyze(concern).terms();
        List<String> unknown = analyzed.stream().filter(t -> !t.inIndex())
                .filter(t -> analyzed.size() == 1 || Character.isUpperCase(t.word().codePointAt(0)))
                .map(QueryTerms.QueryTerm::word).toList();
        if (!unknown.isEmpty()) {
            return new Match(concern, List.of(), List.of(), unknown);
        }
        List<VocabularyEntry> entries = entriesFor(concern);
        Set<Category> categories = new LinkedHashSet<>();
        entries.forEach(e -> categories.addAll(e.categories()));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Category category : categories) {
            for (String id : mapping.passagesOf(category, study)) {
                scores.merge(id, 1.0, Double::sum);
            }
        }
        for (VocabularyEntry entry : entries) {
            Set<String> wanted = new HashSet<>();
            for (String word : entry.words()) wanted.addAll(ownTerms(word));
            search(String.join(" ", entry.words()), hit -> containsAny(hit, wanted), scores);
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

    private boolean containsAny(SearchHit hit, Set<String> wanted) {
        Set<String> terms = passageTerms.getOrDefault(hit.passage().id(), Set.of());
        return wanted.stream().anyMatch(terms::contains);
    }

    /** The vocabulary entries whose keyword is the longest to fit a word (or phrase) of the concern. */
    List<VocabularyEntry> entriesFor(String concern) {
        String folded = fold(concern);
        List<VocabularyEntry> found = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String token : folded.split("[^\\p{L}\\p{N}-]+")) {
            if (token.isBlank()) continue;
            words.add(token);
            if (token.contains("-")) words.addAll(List.of(token.split("-+")));
        }
        for (String word : words) {
            if (word.isBlank()) continue;
            int longest = 0;
            List<VocabularyEntry> best = new ArrayList<>();
            for (VocabularyEntry entry : vocabulary) {
                int length = entry.fit(word);
                if (length > longest) {
                    longest = length;
                    best.clear();
                }
                if (length > 0 && length == longest) best.add(entry);
            }
            best.stream().filter(e -> !found.contains(e)).forEach(found::add);
        }
        for (VocabularyEntry entry : vocabulary) {
            if (!found.contains(entry) && entry.phrases().stream().anyMatch(folded::contains)) found.add(entry);
        }
        return found;
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

    static String fold(String text) {
        return text.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    }

    /** One line of {@code anliegen.tsv}. */
    record VocabularyEntry(List<String> keywords, List<String> phrases, List<Category> categories, List<String> words) {

        /** How long the keyword is that fits {@code word}: equal, or a prefix of 6+ letters; 0 if none fits. */
        int fit(String word) {
            int best = 0;
            for (String keyword : keywords) {
                if (word.equals(keyword) || keyword.length() >= 6 && word.startsWith(keyword)) {
                    best = Math.max(best, keyword.length());
                }
            }
            return best;
        }

        static List<VocabularyEntry> parse(String tsv) {
            List<VocabularyEntry> entries = new ArrayList<>();
            String[] lines = tsv.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalStateException("anliegen.tsv line %d: expected 3 tab-separated columns".formatted(i + 1));
                }
                List<String> keywords = new ArrayList<>();
                List<String> phrases = new ArrayList<>();
                for (String keyword : cols[0].split(",")) {
                    String k = fold(keyword.strip());
                    if (k.isEmpty()) continue;
                    (k.contains(" ") ? phrases : keywords).add(k);
                }
                List<Category> categories = new ArrayList<>();
                if (!cols[1].strip().equals("-")) {
                    for (String spec : cols[1].split(";")) {
                        String s = spec.strip();
                        Category.Table table = s.startsWith("T1:") ? Category.Table.HERAUSFORDERUNGEN
                                : s.startsWith("T2:") ? Category.Table.ERFOLGSFAKTOREN : null;
                        Category category = table == null ? null : Category.find(table, s.substring(3).strip()).orElse(null);
                        if (category == null) {
                            throw new IllegalStateException("anliegen.tsv line %d: unknown category %s".formatted(i + 1, s));
                        }
                        categories.add(category);
                    }
                }
                entries.add(new VocabularyEntry(List.copyOf(keywords), List.copyOf(phrases), List.copyOf(categories),
                        List.of(cols[2].strip().split("\\s+"))));
            }
            return List.copyOf(entries);
        }
    }
}
