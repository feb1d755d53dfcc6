package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one retrieval path of answers: picks the numbered sources for a question, whatever backend writes the answer.
 * Facts the question asks for (duration, works council, external help) come from the cases' {@code eckdaten};
 * everything else from the index, searched once in the sections the question's topics point to and once everywhere.
 */
@Component
class SourceSelector {

    private final PassageIndex index;
    private final Study study;
    private final AnswerProperties properties;

    SourceSelector(PassageIndex index, Study study, AnswerProperties properties) {
        this.index = index;
        this.study = study;
        this.properties = properties;
    }

    /**
     * Sources numbered from 1, most useful first. The question is analysed once and searched in the index once (or
     * twice, with its rewrite into the study's words), however many sections and filters it is searched in.
     */
    Selection select(AnalyzedQuestion question) {
        return index.analysingOnce(() -> selectOnce(question));
    }

    private Selection selectOnce(AnalyzedQuestion question) {
        Map<String, Candidate> picked = new LinkedHashMap<>();
        de.studienlotse.search.QueryTerms terms = index.analyze(question.searchText());
        List<CaseStudy> targets = question.caseIds().stream().map(id -> study.caseById(id).orElseThrow()).toList();
        facts(question, targets, terms.concepts()).forEach(p -> picked.putIfAbsent(p.id(), new Candidate(p, 1.0, true, false)));

        String caseFilter = targets.size() == 1 ? targets.getFirst().id() : null;
        if (caseFilter != null) {
            // "Wer arbeitet bei B7 mit der KI?": the asked section of the named case is the answer, all of it
            for (Topic topic : question.topics()) {
                if (topic.sectionId() != null && !topic.sectionId().equals("eckdaten") && !topic.sectionId().equals("methodik")) {
                    targets.getFirst().section(topic.sectionId()).ifPresent(section -> section.passages()
                            .forEach(p -> picked.putIfAbsent(p.id(), new Candidate(p, 1.0, false, false))));
                }
            }
        }
        List<SearchHit> caseHits = new ArrayList<>();
        List<SearchHit> studyHits = new ArrayList<>();
        for (Topic topic : question.topics()) {
            if (topic.sectionId() != null && !topic.sectionId().equals("eckdaten")) {
                caseHits.addAll(search(question, caseFilter, topic.sectionId()));
            }
            if (targets.isEmpty() && question.activity() == null) {
                topic.studySections().forEach(section -> studyHits.addAll(search(question, null, section)));
            }
        }
        if (question.asks(Topic.UEBERBLICK) && targets.isEmpty()) {
            for (String section : List.of("zusammenfassung", "fazit", "tabelle-1", "tabelle-2", "ergebnisse")) {
                studyHits.addAll(search(question, null, section));
            }
        }
        studyHits.sort(java.util.Comparator.comparingDouble(SearchHit::coverage).thenComparingDouble(SearchHit::score).reversed());
        // a question about the study as a whole reads the study's own summary first
        List<SearchHit> hits = new ArrayList<>(question.asks(Topic.UEBERBLICK) ? studyHits : caseHits);
        hits.addAll(question.asks(Topic.UEBERBLICK) ? caseHits : studyHits);
        boolean studyItself = question.asks(Topic.STUDIE) && targets.isEmpty();
        if (targets.isEmpty() && !studyItself) {
            // a question about the study itself (its method, sample, authors, outlook): the passages the concept layer
            // tags with that study concept, in the order the search ranks them
            List<String> aboutStudy = terms.concepts().stream().filter(id -> id.startsWith("studie-")).toList();
            if (!aboutStudy.isEmpty()) {
                List<SearchHit> tagged = index.search(request(question, SourceSelector.WHICH_CASES_K,
                        null, null, null)).stream().filter(h -> h.passage().caseId() == null
                        && h.concepts().stream().anyMatch(aboutStudy::contains)).limit(STUDY_SOURCES).toList();
                tagged.forEach(h -> picked.putIfAbsent(h.passage().id(), new Candidate(h.passage(), h.coverage(), false, false)));
            }
        }
        List<SearchHit> general = search(question, caseFilter, null);
        hits.addAll(general);
        double best = general.stream().mapToDouble(SearchHit::coverage).max().orElse(0);
        if (targets.isEmpty()) {
            // across the whole study the passage that holds most of the question goes first, wherever it was found;
            // the topic's sections only break ties (a stable sort keeps their order)
            hits.sort(java.util.Comparator.comparingDouble(SearchHit::coverage).reversed());
        }
        if (studyItself) {
            // a question about the study itself: the study's own text first, then a case passage only after all of it
            List<SearchHit> own = search(question, SearchRequest.STUDY_TEXT, null);
            List<String> named = terms.concepts().stream().filter(id -> id.startsWith("studie-")).toList();
            ownAnswers(own, named).forEach(h -> picked.putIfAbsent(h.passage().id(),
                    new Candidate(h.passage(), h.coverage(), false, true)));
            hits.removeIf(h -> h.passage().caseId() == null);
            hits.addAll(0, own);
        }

        if (question.whichCases() && targets.isEmpty() && !studyItself && factCount(picked) == 0) {
            everyMatchingCase(question, terms.concepts()).forEach(p -> picked.putIfAbsent(p.passage().id(),
                    new Candidate(p.passage(), p.coverage(), false, true)));
        }
        Map<String, Integer> perCase = new LinkedHashMap<>();
        picked.values().forEach(c -> perCase.merge(c.passage().caseId() == null ? "study:" + c.passage().sectionId()
                : c.passage().caseId(), 1, Integer::sum));
        // one case, or the study's own text for a question about the study: no other owner competes for the slots
        int limit = targets.size() == 1 || question.asks(Topic.STUDIE) && targets.isEmpty() ? properties.maxSources()
                : properties.maxPerCase();
        for (SearchHit hit : hits) {
            Passage passage = hit.passage();
            if (targets.size() > 1 && (passage.caseId() == null || !question.caseIds().contains(passage.caseId()))) {
                continue;
            }
            String caseKey = passage.caseId() == null ? "study:" + passage.sectionId() : passage.caseId();
            if (picked.containsKey(passage.id()) || perCase.getOrDefault(caseKey, 0) >= limit) {
                continue;
            }
            if (picked.size() >= Math.max(properties.maxSources() + factCount(picked), perCase.size())) {
                break;
            }
            perCase.merge(caseKey, 1, Integer::sum);
            picked.put(passage.id(), new Candidate(passage, hit.coverage(), false, false));
        }
        List<Source> sources = new ArrayList<>();
        for (Candidate candidate : picked.values()) {
            CaseStudy c = candidate.passage().caseId() == null ? null
                    : study.caseById(candidate.passage().caseId()).orElseThrow();
            sources.add(new Source(sources.size() + 1, candidate.passage(), c, candidate.coverage(), candidate.fact(),
                    candidate.matching()));
        }
        return new Selection(sources, best, terms);
    }

    /**
     * The passages of the study's own text that answer a question about the study: ranked by how much of the question
     * each holds, plus {@value #STUDY_CONCEPT_BONUS} for a passage the concept layer tags with a study concept the
     * question names (half the weight a shared concept has in the abstention's evidence: a word for the participants
     * such as "befragt" names the method too); those within {@value #STUDY_SHARE} of the best, each with the items
     * of its list.
     */
    private List<SearchHit> ownAnswers(List<SearchHit> own, List<String> named) {
        java.util.function.ToDoubleFunction<SearchHit> score = h -> h.coverage()
                + (index.concepts().of(h.passage().id()).stream().anyMatch(named::contains) ? STUDY_CONCEPT_BONUS : 0);
        double top = own.stream().mapToDouble(score).max().orElse(0);
        List<SearchHit> answers = own.stream().filter(h -> score.applyAsDouble(h) >= STUDY_SHARE * top)
                .sorted(java.util.Comparator.comparingDouble(score).reversed()).toList();
        return withTheirItems(answers);
    }

    static final double STUDY_CONCEPT_BONUS = 0.1;
    static final double STUDY_SHARE = 0.75;

    /**
     * A passage of the study's own text with the items that belong to it: the best passage ending in a colon ("Der
     * Interviewleitfaden wurde in vier Hauptbereiche unterteilt:") introduces the passages after it in its section; a
     * passage under a label shared by its neighbours ("Autorenschaft der Studie 2": one passage per author) is one of
     * a list. The items follow their passage, with its coverage, so they stay together.
     */
    private List<SearchHit> withTheirItems(List<SearchHit> hits) {
        List<SearchHit> result = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SearchHit hit : hits) {
            boolean first = result.isEmpty();
            if (!seen.add(hit.passage().id())) {
                continue;
            }
            result.add(hit);
            Passage passage = hit.passage();
            List<Passage> section = study.studySection(passage.sectionId()).map(s -> s.passages()).orElse(List.of());
            int at = section.indexOf(passage);
            if (at < 0) {
                continue;
            }
            List<Passage> items = new ArrayList<>();
            if (first && passage.text().strip().endsWith(":")) {
                items.addAll(section.subList(at + 1, Math.min(section.size(), at + 1 + MAX_ITEMS)));
            } else if (passage.label() != null) {
                for (int i = at - 1; i >= 0 && passage.label().equals(section.get(i).label()); i--) {
                    items.addFirst(section.get(i));
                }
                for (int i = at + 1; i < section.size() && passage.label().equals(section.get(i).label()); i++) {
                    items.add(section.get(i));
                }
                if (items.size() >= MAX_ITEMS || items.stream().anyMatch(p -> p.text().length() > MAX_ITEM_LENGTH)) {
                    items.clear(); // paragraphs under a heading ("Herausforderungen, Hemmnisse …") are no list
                }
            }
            for (Passage item : items) {
                if (seen.add(item.id())) {
                    result.add(new SearchHit(item, null, hit.score(), hit.coverage(), hit.concepts()));
                }
            }
        }
        return result;
    }

    /** Items of one list in the study's text at most, each at most so long: an entry, not a paragraph. */
    static final int MAX_ITEMS = 8;
    static final int MAX_ITEM_LENGTH = 200;

    /** Whether {@link #select} never waits: the index is in memory, so selecting is CPU work only. */
    boolean inMemory() {
        return index.inMemory();
    }

    /** Concepts too broad to say which cases did a thing: the Tabelle categories, the Tätigkeiten, the study. */
    private static boolean specific(String conceptId) {
        return !conceptId.startsWith("t1-") && !conceptId.startsWith("t2-") && !conceptId.startsWith("taetigkeit-")
                && !conceptId.startsWith("studie-");
    }

    /**
     * "Welche Unternehmen …": one passage of every case that answers, not the top five. A case answers when one of its
     * passages is tagged ({@code concepts/passagen-konzepte.tsv}) with a specific concept the question names, or,
     * when it names none, with the specific concept of the best hit; without any such concept, when its best passage
     * scores at least {@value #WHICH_CASES_SHARE} of the best. Each case is shown by its best-ranked tagged passage.
     */
    private List<SearchHit> everyMatchingCase(AnalyzedQuestion question, List<String> asked) {
        String section = question.topics().stream().map(Topic::sectionId)
                .filter(id -> id != null && !id.equals("eckdaten") && !id.equals("methodik")).findFirst().orElse(null);
        List<SearchHit> hits = index.search(request(question, WHICH_CASES_K, question.activity(), null, section));
        Map<String, SearchHit> bestPerCase = new LinkedHashMap<>();
        hits.stream().filter(h -> h.passage().caseId() != null)
                .forEach(h -> bestPerCase.putIfAbsent(h.passage().caseId(), h));
        if (bestPerCase.isEmpty()) {
            return List.of();
        }
        SearchHit top = bestPerCase.values().iterator().next();
        // a category the question itself names counts ("Datenschutz": every case Tabelle 1 counts under it); of the
        // best hit's concepts only a specific one does
        List<String> concepts = asked.stream()
                .filter(id -> !id.startsWith("taetigkeit-") && !id.startsWith("studie-")).toList();
        if (concepts.isEmpty()) {
            concepts = top.concepts().stream().filter(SourceSelector::specific).toList();
        }
        if (concepts.isEmpty()) {
            return bestPerCase.values().stream().filter(h -> h.score() >= WHICH_CASES_SHARE * top.score()).toList();
        }
        Map<String, SearchHit> tagged = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            if (hit.passage().caseId() != null && hit.concepts().stream().anyMatch(concepts::contains)) {
                tagged.putIfAbsent(hit.passage().caseId(), hit);
            }
        }
        // a case tagged with the concept in a passage the search did not reach is still one of the cases
        for (String concept : concepts) {
            for (String id : index.concepts().passages(concept)) {
                Passage passage = study.passage(id).orElseThrow();
                if (passage.caseId() == null || tagged.containsKey(passage.caseId())
                        || section != null && !section.equals(passage.sectionId())
                        || question.activity() != null
                        && study.caseById(passage.caseId()).orElseThrow().activity() != question.activity()) {
                    continue;
                }
                tagged.put(passage.caseId(), new SearchHit(passage, study.caseById(passage.caseId()).orElseThrow(),
                        0, 0, List.of(concept)));
            }
        }
        // "Welche Fälle hatten eine Pilotphase von drei Monaten?": a figure the question states narrows the cases to
        // those whose tagged passage states it too, when any does
        java.util.Set<Double> statedFigure = Durations.limit(question.text()).isPresent() ? java.util.Set.of()
                : Durations.stated(question.text());
        if (!statedFigure.isEmpty()) {
            List<String> askedConcepts = concepts;
            Map<String, SearchHit> stating = new LinkedHashMap<>();
            tagged.forEach((caseId, hit) -> study.caseById(caseId).orElseThrow().passages().stream()
                    .filter(p -> index.concepts().of(p.id()).stream().anyMatch(askedConcepts::contains)
                            && Durations.stated(p.text()).stream().anyMatch(statedFigure::contains))
                    .findFirst().ifPresent(p -> stating.put(caseId, new SearchHit(p, study.caseById(caseId).orElseThrow(),
                            hit.score(), hit.coverage(), hit.concepts()))));
            if (!stating.isEmpty()) {
                return List.copyOf(stating.values());
            }
        }
        return List.copyOf(tagged.values());
    }

    static final int WHICH_CASES_K = 50;
    /** Passages of the study's own text given first for a question about the study itself. */
    static final int STUDY_SOURCES = 4;
    static final double WHICH_CASES_SHARE = 0.6;

    private List<SearchHit> search(AnalyzedQuestion question, String caseId, String sectionId) {
        return index.search(request(question, properties.retrievalK(), question.activity(), caseId, sectionId));
    }

    /** Every search of the question carries its rewrite into the study's words, if any: the index fuses both. */
    private static SearchRequest request(AnalyzedQuestion question, int k, de.studienlotse.corpus.Activity activity,
                                         String caseId, String sectionId) {
        return new SearchRequest(question.searchText(), k, activity, caseId, sectionId, question.studyQuery());
    }

    /** "Wie viele Fälle / Unternehmen / Interviews": the study's own figures of its sample. */
    private static final java.util.regex.Pattern SAMPLE = java.util.regex.Pattern.compile(
            "(?i)(fälle|faelle|unternehmen|firmen|betriebe|beispiele|best practices|interviews|befragte|teilnehmende|cases|companies|firms|interviews|participants)");

    /** The fact passages a fact question needs: for the named cases, or for every case that states the fact. */
    private List<Passage> facts(AnalyzedQuestion question, List<CaseStudy> targets, List<String> concepts) {
        List<Passage> facts = new ArrayList<>();
        if (question.asks(Topic.DAUER) && targets.isEmpty()
                && (concepts.contains("studie-methodik") || question.asks(Topic.STUDIE))) {
            // "Wie lange dauerten die Interviews?": the study's method, not the cases' introductions
            study.studySection("methodik").ifPresent(s -> s.passages().stream()
                    .filter(p -> "Interviewdauer".equals(p.label())).forEach(facts::add));
            if (!facts.isEmpty()) {
                return facts;
            }
        }
        if (question.asks(Topic.UEBERBLICK) && targets.isEmpty()) {
            // "most often named": the study's aggregated tables count them, category by category
            if (question.asks(Topic.HERAUSFORDERUNGEN)) facts.addAll(tableCategories("tabelle-1"));
            if (question.asks(Topic.ERFOLGSFAKTOREN)) facts.addAll(tableCategories("tabelle-2"));
        }
        if (question.asks(Topic.ANZAHL) && targets.isEmpty() && SAMPLE.matcher(question.text()).find()) {
            study.studySection("methodik").ifPresent(s -> s.passages().stream()
                    .filter(p -> p.text().contains("Tätigkeit: Buchhaltung") || "Anzahl der Interviews".equals(p.label()))
                    .forEach(facts::add));
        }
        List<CaseStudy> cases = targets.isEmpty()
                ? study.cases().stream().filter(c -> question.activity() == null || c.activity() == question.activity()).toList()
                : targets;
        for (CaseStudy c : cases) {
            // the asked fact first: the duration before the other facts printed beside it
            List<Passage> eckdaten = c.section("eckdaten").map(s -> s.passages().stream()
                    .sorted(java.util.Comparator.comparing(p -> !"Dauer der Einführung".equals(p.label()))).toList())
                    .orElse(List.of());
            for (Passage p : eckdaten) {
                String text = (p.label() == null ? "" : p.label() + " ") + p.text();
                boolean duration = "Dauer der Einführung".equals(p.label());
                boolean oneCase = targets.size() == 1;
                // which cases state a fact comes from the parsed CaseFacts; the passage is the line that prints it
                if (question.asks(Topic.DAUER) && (duration || oneCase)
                        || question.asks(Topic.BETRIEBSRAT) && c.facts().worksCouncil() != null && WORKS_COUNCIL.matcher(text).find()
                        || question.asks(Topic.EXTERN) && c.facts().externalSupport() != null && EXTERNAL.matcher(text).find()) {
                    facts.add(p);
                }
            }
        }
        return facts;
    }

    static final java.util.regex.Pattern WORKS_COUNCIL = java.util.regex.Pattern.compile("(?i)betriebsrat|mitarbeitendenvertretung");
    static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile("(?i)externe unterstützung");

    /** The categories of Tabelle 1 or 2 with their counts ("Akzeptanz (13 Nennungen)"), most named first. */
    private List<Passage> tableCategories(String sectionId) {
        return study.studySection(sectionId).map(s -> s.passages().stream()
                .filter(p -> p.label() != null && TABLE_CATEGORY.matcher(p.label()).find())
                .sorted(java.util.Comparator.comparingInt(SourceSelector::mentions).reversed())
                .toList()).orElse(List.of());
    }

    static final java.util.regex.Pattern TABLE_CATEGORY = java.util.regex.Pattern.compile("\\((\\d+) Nennungen\\)");

    static int mentions(Passage p) {
        java.util.regex.Matcher m = TABLE_CATEGORY.matcher(p.label());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int factCount(Map<String, Candidate> picked) {
        return (int) picked.values().stream().filter(Candidate::fact).count();
    }

    private record Candidate(Passage passage, double coverage, boolean fact, boolean matching) {
    }

    /**
     * @param bestCoverage the best coverage of any passage found by the open search: how well the study covers the
     *                     question at all
     * @param terms        how the index sees the question's words
     */
    public record Selection(List<Source> sources, double bestCoverage, de.studienlotse.search.QueryTerms terms) {

        public Selection {
            sources = List.copyOf(sources);
        }
    }
}
