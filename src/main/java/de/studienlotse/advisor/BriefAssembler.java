package de.studienlotse.advisor;

import de.studienlotse.advisor.Brief.Item;
import de.studienlotse.advisor.Brief.Kind;
import de.studienlotse.advisor.Brief.Section;
import de.studienlotse.answer.Citation;
import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.GermanFold;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.SearchHit;
import de.studienlotse.search.SearchRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a consultation brief from a client profile, offline: the most similar cases and, quoted from them, what
 * worked, what to expect and how they met it, tips, duration and steps, and questions for the client. Every item cites
 * one passage; a concern the study does not cover gets an item saying so instead.
 *
 * <p>Similarity, in this order of weight: the same Tätigkeit (named, or inferred from the firm's own words through
 * the index), a related Branche (German analysis: "Logistikunternehmen" meets "Logistik"), the client's concerns
 * found in the case ({@link ConcernMatcher}), and how close the case's application is to what the firm wants. The
 * brief keeps 2–4 cases: those scoring at least half of the best.
 *
 * <p>Blocking (Lucene): call it off the event loop.
 */
public final class BriefAssembler {

    static final int MIN_CASES = 2;
    static final int MAX_CASES = 4;
    private static final int SUCCESS_PER_CASE = 3;
    private static final int CHALLENGES_PER_CASE = 3;
    private static final int TIPS_PER_CASE = 2;
    private static final int EVIDENCE_PER_CONCERN = 3;
    private static final int STEP_CASES = 2;
    private static final int MAX_QUESTIONS = 6;

    /** Words of a Branche that say nothing about the industry. */
    private static final Set<String> GENERIC_BRANCHE = Set.of("unternehm", "firma", "firm", "betrieb", "branch",
            "dienstleist", "dienstleistung", "gmbh", "kmu", "bereich", "gewerb", "sektor", "mittelstand", "it");

    /**
     * Which success factors may answer a challenge of a category: our bridge between Tabelle 1 and Tabelle 2, used
     * only to pick, from the same case, a success factor to show beside a challenge (the study itself pairs none).
     */
    private static final Map<Category, List<Category>> ANSWERS = new EnumMap<>(Map.of(
            Category.T1_TECHNOLOGIE, List.of(Category.T2_TECHNOLOGIE, Category.T2_EXTERN),
            Category.T1_AKZEPTANZ, List.of(Category.T2_KOMMUNIKATION, Category.T2_NUTZER, Category.T2_VISION),
            Category.T1_ORGANISATORISCHES, List.of(Category.T2_ORGANISATORISCHES, Category.T2_RESSOURCEN),
            Category.T1_RESSOURCEN, List.of(Category.T2_RESSOURCEN, Category.T2_EXTERN),
            Category.T1_AENGSTE, List.of(Category.T2_KOMMUNIKATION, Category.T2_VISION),
            Category.T1_DATENSCHUTZ, List.of(Category.T2_EXTERN, Category.T2_KOMMUNIKATION),
            Category.T1_KOMMUNIKATION, List.of(Category.T2_KOMMUNIKATION)));

    /** Questions for the client, one per challenge category: Studienlotse's wording, prompted by the cases' challenges. */
    private static final Map<Category, String> QUESTIONS = new EnumMap<>(Map.of(
            Category.T1_TECHNOLOGIE, "Mit welchen Programmen und Schnittstellen arbeitet der Betrieb heute, und liegen die Daten, "
                    + "mit denen die KI arbeiten soll, digital und in brauchbarer Qualität vor?",
            Category.T1_AKZEPTANZ, "Wer im Team wird die Anwendung täglich nutzen, und wie stehen diese Personen zu KI – "
                    + "eher skeptisch oder mit hohen Erwartungen?",
            Category.T1_ORGANISATORISCHES, "Wer leitet das Vorhaben, gibt es einen Zeitplan, und welches überschaubare "
                    + "Einstiegsprojekt käme in Frage?",
            Category.T1_RESSOURCEN, "Wie viel Zeit, Budget und Fachwissen kann der Betrieb für die Einführung bereitstellen, "
                    + "und wo braucht er Unterstützung von außen?",
            Category.T1_AENGSTE, "Gibt es im Betrieb Sorgen um Arbeitsplätze oder vor Veränderungen, und wie will die "
                    + "Geschäftsführung darüber sprechen?",
            Category.T1_DATENSCHUTZ, "Welche personenbezogenen oder vertraulichen Daten würde die KI verarbeiten, und wo "
                    + "dürfen diese gespeichert werden?",
            Category.T1_KOMMUNIKATION, "Wie stimmen sich Fachabteilung, IT und gegebenenfalls Dienstleister ab, und wer "
                    + "formuliert die Anforderungen?"));

    private final Study study;
    private final PassageIndex index;
    private final CategoryMapping mapping;
    private final ConcernMatcher concerns;
    private final StudyAggregates aggregates;

    public BriefAssembler(Study study, PassageIndex index, CategoryMapping mapping, ConcernMatcher concerns,
                          StudyAggregates aggregates) {
        this.study = study;
        this.index = index;
        this.mapping = mapping;
        this.concerns = concerns;
        this.aggregates = aggregates;
    }

    /** A firm's match with one case, and why. */
    record Similarity(CaseStudy caseStudy, double score, List<String> reasons, Set<String> concernsMet) {
    }

    public Brief assemble(ClientProfile profile, Instant now) {
        ActivityGuess activity = activity(profile.taetigkeit());
        Map<String, Double> application = applicationScores(profile.taetigkeit(), activity);
        List<ConcernMatcher.Match> matches = profile.concerns().stream().map(concerns::match).toList();
        List<Similarity> similar = similar(profile, activity, application, matches);
        Set<String> evidence = new HashSet<>();
        matches.forEach(m -> m.evidence().forEach(p -> evidence.add(p.id())));

        Items items = new Items();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("faelle", "Ähnliche Fälle", cases(profile, similar, items)));
        if (!matches.isEmpty()) {
            sections.add(new Section("anliegen", "Die Anliegen des Betriebs in der Studie", concernItems(matches, similar, items)));
        }
        sections.add(new Section("erfolgsfaktoren", "Was funktioniert hat", successFactors(similar, evidence, items)));
        sections.add(new Section("herausforderungen", "Womit zu rechnen ist – und wie die Fälle damit umgingen",
                challenges(similar, evidence, items)));
        sections.add(new Section("tipps", "Tipps aus den Fällen", tips(similar, evidence, items)));
        sections.add(new Section("ablauf", "Dauer und Schritte der Einführung", course(similar, items)));
        sections.add(new Section("fragen", "Fragen an den Betrieb", questions(similar, matches, evidence, items)));
        return new Brief(null, now, now, profile, null, sections, List.of(), List.of(), Brief.ATTRIBUTION).renumbered();
    }

    // ---- similarity ------------------------------------------------------------------------------------------

    /** @param inferred {@code true} when derived from the firm's own words rather than named */
    record ActivityGuess(Activity activity, boolean inferred) {
    }

    ActivityGuess activity(String taetigkeit) {
        if (taetigkeit == null) return null;
        Optional<Activity> named = Activity.parse(taetigkeit);
        if (named.isPresent()) return new ActivityGuess(named.get(), false);
        String folded = GermanFold.fold(taetigkeit);
        List<Activity> mentioned = java.util.Arrays.stream(Activity.values())
                .filter(a -> folded.contains(GermanFold.fold(a.label()))).toList();
        if (mentioned.size() == 1) return new ActivityGuess(mentioned.getFirst(), false);
        Map<Activity, Double> byActivity = new EnumMap<>(Activity.class);
        for (SearchHit hit : index.search(SearchRequest.of(taetigkeit, 30))) {
            if (hit.caseStudy() != null) byActivity.merge(hit.caseStudy().activity(), (double) hit.score(), Double::sum);
        }
        double total = byActivity.values().stream().mapToDouble(Double::doubleValue).sum();
        return byActivity.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> total > 0 && best.getValue() / total >= 0.6)
                .map(best -> new ActivityGuess(best.getKey(), true)).orElse(null);
    }

    /** How close each case's application is to what the firm wants (0..1, best case 1); empty for a bare Tätigkeit. */
    private Map<String, Double> applicationScores(String taetigkeit, ActivityGuess activity) {
        if (taetigkeit == null || activity != null && !activity.inferred() && Activity.parse(taetigkeit).isPresent()) {
            return Map.of();
        }
        Map<String, Double> byCase = new LinkedHashMap<>();
        for (SearchHit hit : index.search(SearchRequest.of(taetigkeit, 40))) {
            if (hit.caseStudy() != null) byCase.merge(hit.caseStudy().id(), (double) hit.score(), Double::sum);
        }
        double best = byCase.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        byCase.replaceAll((id, score) -> score / best);
        return byCase;
    }

    private List<Similarity> similar(ClientProfile profile, ActivityGuess activity, Map<String, Double> application,
                                     List<ConcernMatcher.Match> matches) {
        Set<String> brancheTerms = brancheTerms(profile.branche());
        List<Similarity> all = new ArrayList<>();
        for (CaseStudy c : study.cases()) {
            double score = 0;
            List<String> reasons = new ArrayList<>();
            if (activity != null && c.activity() == activity.activity()) {
                score += 100;
                reasons.add(activity.inferred()
                        ? "Tätigkeit %s (abgeleitet aus „%s“)".formatted(c.activity().label(), profile.taetigkeit())
                        : "gleiche Tätigkeit (%s)".formatted(c.activity().label()));
            }
            if (c.branche() != null && !brancheTerms.isEmpty()) {
                Set<String> shared = new LinkedHashSet<>(brancheTerms(c.branche()));
                shared.retainAll(brancheTerms);
                if (!shared.isEmpty()) {
                    score += 20;
                    reasons.add("verwandte Branche (%s – „%s“)".formatted(c.branche(), profile.branche()));
                }
            }
            Set<String> met = new LinkedHashSet<>();
            for (ConcernMatcher.Match match : matches) {
                if (match.evidence().stream().anyMatch(p -> c.id().equals(p.caseId()))) met.add(match.concern());
            }
            if (!met.isEmpty()) {
                score += 5 * met.size();
                reasons.add("spricht an: " + String.join(", ", met));
            }
            double app = application.getOrDefault(c.id(), 0.0);
            if (app >= 0.5) {
                reasons.add("ähnliche Anwendung (%s)".formatted(c.application()));
            }
            score += 10 * app;
            all.add(new Similarity(c, score, reasons, met));
        }
        all.sort(Comparator.comparingDouble(Similarity::score).reversed());
        double top = all.getFirst().score();
        if (top <= 0) return List.of();
        List<Similarity> picked = new ArrayList<>();
        for (Similarity s : all) {
            if (picked.size() >= MAX_CASES || picked.size() >= MIN_CASES && s.score() < top / 2 || s.score() <= 0) break;
            picked.add(s);
        }
        return picked;
    }

    /** The Branche's analyzed words and compound parts, without words every industry shares ("Unternehmen"). */
    private Set<String> brancheTerms(String branche) {
        if (branche == null) return Set.of();
        Set<String> terms = new LinkedHashSet<>();
        for (QueryTerms.QueryTerm term : index.analyze(branche.replace('/', ' ')).terms()) {
            terms.add(term.term());
            term.expansions().stream().filter(e -> term.term().contains(e)).forEach(terms::add);
        }
        terms.removeIf(t -> t.length() < 3 || GENERIC_BRANCHE.contains(t));
        return terms;
    }

    // ---- sections --------------------------------------------------------------------------------------------

    private List<Item> cases(ClientProfile profile, List<Similarity> similar, Items items) {
        List<Item> list = new ArrayList<>();
        if (similar.isEmpty()) {
            list.add(items.uncited(Kind.NICHT_IN_STUDIE, null,
                    "Keiner der 18 Fälle passt zu den Angaben (Tätigkeit, Branche, Anliegen); die Studie bietet dafür keinen Vergleichsfall."));
        }
        for (Similarity s : similar) {
            CaseStudy c = s.caseStudy();
            Passage description = first(c, "beschreibung").or(() -> first(c, "ziel")).orElseThrow();
            String why = s.reasons().isEmpty() ? "" : " Ähnlich: " + String.join("; ", s.reasons()) + ".";
            list.add(items.cited(Kind.FALL, c, "%s – %s, %s: %s.%s".formatted(c.id(), branche(c), c.activity().label(),
                    c.application(), why), description, null));
        }
        if (profile.size() != null) {
            study.studySection("methodik").flatMap(s -> s.passages().stream()
                    .filter(p -> "Unternehmensgrößen".equals(p.label())).findFirst())
                    .ifPresent(p -> list.add(items.cited(Kind.KONTEXT, null, ("Größe des Betriebs: „%s“. Die Studie nennt "
                            + "die Größe nicht je Fall, nur für alle 18 Teilnehmenden zusammen.").formatted(profile.size()), p, null)));
        }
        return list;
    }

    private List<Item> concernItems(List<ConcernMatcher.Match> matches, List<Similarity> similar, Items items) {
        List<String> similarIds = similar.stream().map(s -> s.caseStudy().id()).toList();
        List<Item> list = new ArrayList<>();
        for (ConcernMatcher.Match match : matches) {
            if (!match.addressed()) {
                String why = match.unknown().isEmpty() ? ""
                        : " (%s kommt in der Studie nicht vor)".formatted(match.unknown().stream().map(w -> "„" + w + "“")
                        .collect(Collectors.joining(", ")));
                list.add(items.uncited(Kind.NICHT_IN_STUDIE, null, ("Anliegen „%s“: Dazu enthält die Studie keine Angaben%s. "
                        + "Der Brief kann hierzu nichts belegen.").formatted(match.concern(), why)));
                continue;
            }
            // the similar cases first, then one passage per further case, best match first
            List<Passage> ranked = new ArrayList<>(match.evidence());
            ranked.sort(Comparator.comparingInt(p -> similarIds.contains(p.caseId()) ? 0 : 1));
            Set<String> casesUsed = new HashSet<>();
            int added = 0;
            for (Passage p : ranked) {
                if (added >= EVIDENCE_PER_CONCERN) break;
                if (!casesUsed.add(p.caseId())) continue;
                CaseStudy c = study.caseById(p.caseId()).orElseThrow();
                list.add(items.cited(Kind.ANLIEGEN, c, "Anliegen „%s“ – %s, %s%s".formatted(match.concern(), caseName(c),
                        sectionWord(p), itemName(p)), p, null));
                added++;
            }
        }
        return list;
    }

    private List<Item> successFactors(List<Similarity> similar, Set<String> evidence, Items items) {
        List<Item> list = new ArrayList<>();
        for (Similarity s : similar) {
            CaseStudy c = s.caseStudy();
            for (Passage p : ranked(c, "erfolgsfaktoren", evidence).stream().limit(SUCCESS_PER_CASE).toList()) {
                list.add(items.cited(Kind.ERFOLGSFAKTOR, c, "%s – Erfolgsfaktor%s%s".formatted(caseName(c), itemName(p),
                        categoryNote(p)), p, null));
            }
        }
        return list;
    }

    private List<Item> challenges(List<Similarity> similar, Set<String> evidence, Items items) {
        List<Item> list = new ArrayList<>();
        for (Similarity s : similar) {
            CaseStudy c = s.caseStudy();
            for (Passage challenge : ranked(c, "herausforderungen", evidence).stream().limit(CHALLENGES_PER_CASE).toList()) {
                Item item = items.cited(Kind.HERAUSFORDERUNG, c, "%s – Herausforderung%s%s".formatted(caseName(c),
                        itemName(challenge), categoryNote(challenge)), challenge, null);
                list.add(item);
                answer(c, challenge).ifPresent(answer -> list.add(items.cited(Kind.UMGANG, c,
                        "Dazu im selben Fall %s%s (Zuordnung durch Studienlotse)".formatted(sectionWord(answer).strip(),
                                itemName(answer)), answer, item.id())));
            }
        }
        return list;
    }

    /**
     * The success factor (or else tip) of the same case that best answers the challenge: one whose category the
     * challenge's categories lead to ({@link #ANSWERS}), ranked by search with the challenge's words.
     */
    private Optional<Passage> answer(CaseStudy c, Passage challenge) {
        Set<Category> wanted = new HashSet<>();
        mapping.categoriesOf(challenge.id()).forEach(cat -> wanted.addAll(ANSWERS.getOrDefault(cat, List.of())));
        List<Passage> candidates = c.section("erfolgsfaktoren").map(s -> s.passages()).orElse(List.of()).stream()
                .filter(p -> mapping.categoriesOf(p.id()).stream().anyMatch(wanted::contains)).toList();
        List<SearchHit> hits = index.search(new SearchRequest(challenge.labelled(), 10, null, c.id(), "erfolgsfaktoren"));
        for (SearchHit hit : hits) {
            if (candidates.contains(hit.passage())) return Optional.of(hit.passage());
        }
        if (!candidates.isEmpty()) return Optional.of(candidates.getFirst());
        return index.search(new SearchRequest(challenge.labelled(), 1, null, c.id(), "tipps")).stream()
                .filter(h -> h.coverage() >= 0.3).map(SearchHit::passage).findFirst();
    }

    private List<Item> tips(List<Similarity> similar, Set<String> evidence, Items items) {
        List<Item> list = new ArrayList<>();
        for (Similarity s : similar) {
            CaseStudy c = s.caseStudy();
            for (Passage p : ranked(c, "tipps", evidence).stream().limit(TIPS_PER_CASE).toList()) {
                list.add(items.cited(Kind.TIPP, c, "%s – Tipp%s".formatted(caseName(c), itemName(p)), p, null));
            }
        }
        return list;
    }

    private List<Item> course(List<Similarity> similar, Items items) {
        List<Item> list = new ArrayList<>();
        for (Similarity s : similar) {
            CaseStudy c = s.caseStudy();
            for (Passage p : c.section("eckdaten").map(sec -> sec.passages()).orElse(List.of())) {
                boolean duration = "Dauer der Einführung".equals(p.label());
                String what = duration ? "Dauer der Einführung"
                        : "Nicht angekreuzt".equals(p.label()) ? "Eckdaten (Kästchen nicht angekreuzt: trifft nicht zu)"
                        : "Eckdaten";
                list.add(items.cited(duration ? Kind.DAUER : Kind.KONTEXT, c, "%s – %s".formatted(caseName(c), what), p, null));
            }
        }
        for (Similarity s : similar.stream().limit(STEP_CASES).toList()) {
            CaseStudy c = s.caseStudy();
            for (Passage p : c.section("prozess").map(sec -> sec.passages()).orElse(List.of())) {
                list.add(items.cited(Kind.SCHRITT, c, "%s – %s".formatted(caseName(c),
                        p.label() == null ? "Prozess" : p.label()), p, null));
            }
        }
        return list;
    }

    private List<Item> questions(List<Similarity> similar, List<ConcernMatcher.Match> matches, Set<String> evidence,
                                 Items items) {
        // challenge categories of the similar cases: those tied to the client's concerns first, then the most named
        Map<Category, List<Passage>> byCategory = new LinkedHashMap<>();
        for (Similarity s : similar) {
            for (Passage p : ranked(s.caseStudy(), "herausforderungen", evidence)) {
                mapping.categoriesOf(p.id()).forEach(cat -> byCategory.computeIfAbsent(cat, k -> new ArrayList<>()).add(p));
            }
        }
        Set<Category> concerned = matches.stream().flatMap(m -> m.categories().stream()).collect(Collectors.toSet());
        List<Category> order = new ArrayList<>(byCategory.keySet());
        order.sort(Comparator.<Category>comparingInt(cat -> concerned.contains(cat) ? 0 : 1)
                .thenComparing(Comparator.<Category>comparingInt(cat -> byCategory.get(cat).size()).reversed())
                .thenComparingInt(Enum::ordinal));
        List<Item> list = new ArrayList<>();
        for (Category category : order.stream().limit(MAX_QUESTIONS).toList()) {
            Passage prompt = byCategory.get(category).getFirst();
            CaseStudy c = study.caseById(prompt.caseId()).orElseThrow();
            list.add(items.cited(Kind.FRAGE, c, QUESTIONS.get(category) + " (Anlass: %s, Herausforderung%s)"
                    .formatted(caseName(c), itemName(prompt)), prompt, null));
        }
        return list;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A case's items of one section: the ones tied to the client's concerns first, then by how often their category is named. */
    private List<Passage> ranked(CaseStudy c, String sectionId, Set<String> evidence) {
        List<Passage> passages = new ArrayList<>(c.section(sectionId).map(s -> s.passages()).orElse(List.of()));
        passages.sort(Comparator.<Passage>comparingInt(p -> evidence.contains(p.id()) ? 0 : 1)
                .thenComparing(Comparator.comparingInt(this::categoryWeight).reversed()));
        return passages;
    }

    private int categoryWeight(Passage p) {
        return mapping.categoriesOf(p.id()).stream()
                .mapToInt(cat -> aggregates.category(cat).map(counts -> counts.total().computed()).orElse(0))
                .max().orElse(0);
    }

    private String categoryNote(Passage p) {
        List<Category> categories = mapping.categoriesOf(p.id());
        return categories.isEmpty() ? "" : " · Kategorie: " + categories.stream().map(Category::label)
                .collect(Collectors.joining(", "));
    }

    private static Optional<Passage> first(CaseStudy c, String sectionId) {
        return c.section(sectionId).flatMap(s -> s.passages().stream().findFirst());
    }

    private static String caseName(CaseStudy c) {
        return "%s (%s)".formatted(c.id(), branche(c));
    }

    private static String branche(CaseStudy c) {
        return c.branche() == null ? "Branche nicht genannt" : c.branche();
    }

    /** " „Label“" for labelled items, empty otherwise. */
    private static String itemName(Passage p) {
        return p.label() == null || p.kind() == de.studienlotse.corpus.PassageKind.FACT ? "" : " „" + p.label() + "“";
    }

    private static String sectionWord(Passage p) {
        return switch (p.sectionId()) {
            case "herausforderungen" -> "Herausforderung";
            case "erfolgsfaktoren" -> "Erfolgsfaktor";
            case "tipps" -> "Tipp";
            case "eckdaten" -> "Eckdaten";
            default -> p.sectionId();
        };
    }

    /** Hands out item ids e1, e2, … in order of creation. */
    private final class Items {

        private int next = 1;

        Item cited(Kind kind, CaseStudy c, String text, Passage passage, String answers) {
            CaseStudy owner = passage.caseId() == null ? null : study.caseById(passage.caseId()).orElseThrow();
            return new Item("e" + next++, kind, c == null ? null : c.id(), text, Citation.of(0, passage, owner), answers);
        }

        Item uncited(Kind kind, CaseStudy c, String text) {
            return new Item("e" + next++, kind, c == null ? null : c.id(), text, null, null);
        }
    }
}
