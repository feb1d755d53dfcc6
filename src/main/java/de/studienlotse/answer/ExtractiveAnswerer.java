package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseFacts;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.search.Concept;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.StudyConcepts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The offline answerer: no model, no network. It writes a short frame around verbatim passages of the study, each with
 * its citation marker, and never paraphrases the study's text: facts (durations, works council, counts) as sentences,
 * and prose passages of several cases grouped by the study concept they share, opened by one sentence that names the
 * concepts with their citations ("Die Studie nennt dazu aus 4 Fällen vor allem Kommunikation & Zusammenarbeit [1][2]
 * und Motivation und Interesse [3]."), so a reader sees what the cases have in common before the quotes.
 */
@Component
class ExtractiveAnswerer {

    static final String BACKEND = "extractive";
    /** Superlatives of a duration, as whole words: "am längsten", "die kürzeste Einführung", "fastest". */
    private static final java.util.regex.Pattern LONGEST = java.util.regex.Pattern.compile(
            "(?iu)\\b(l(ä|ae)ngste[nmrs]?|langsamste[nmrs]?|longest|slowest)\\b");
    private static final java.util.regex.Pattern SHORTEST = java.util.regex.Pattern.compile(
            "(?iu)\\b(k(ü|ue)rzeste[nmrs]?|schnellste[nmrs]?|shortest|fastest|quickest)\\b");

    /** At most this many concepts are named in the opening sentence. */
    private static final int LEAD_CONCEPTS = 3;

    private final AnswerProperties properties;
    private final StudyConcepts concepts;

    @org.springframework.beans.factory.annotation.Autowired
    ExtractiveAnswerer(AnswerProperties properties, PassageIndex index) {
        this(properties, index.concepts());
    }

    ExtractiveAnswerer(AnswerProperties properties, StudyConcepts concepts) {
        this.properties = properties;
        this.concepts = concepts;
    }

    String answer(AnalyzedQuestion question, List<Source> sources) {
        Text text = new Text(question.english());
        List<Source> facts = sources.stream().filter(s -> s.fact() && "eckdaten".equals(s.passage().sectionId())).toList();
        boolean factQuestion = Topic.FACTS.stream().anyMatch(question::asks) && !facts.isEmpty();
        if (question.asks(Topic.DAUER)) {
            durations(question, facts, text);
        }
        if (question.asks(Topic.BETRIEBSRAT)) {
            yesNo(facts, text, SourceSelector.WORKS_COUNCIL, CaseFacts::worksCouncil,
                    "Einen Betriebsrat bzw. eine Mitarbeitendenvertretung eingebunden haben:",
                    "A works council or employee representation was involved at:",
                    "Ausdrücklich ohne Betriebsrat:", "Explicitly without a works council:",
                    "Die übrigen Fälle machen zum Betriebsrat keine Angabe.",
                    "The other cases say nothing about a works council.");
        }
        if (question.asks(Topic.EXTERN)) {
            yesNo(facts, text, SourceSelector.EXTERNAL, CaseFacts::externalSupport,
                    "Externe Unterstützung angekreuzt haben:", "External support is ticked at:",
                    "Ausdrücklich ohne externe Unterstützung:", "Explicitly without external support:",
                    "Die übrigen Fälle machen dazu in ihren Eckdaten keine Angabe; Hinweise im Text folgen, soweit gefunden.",
                    "The other cases give no such fact; mentions in their text follow where found.");
        }
        sampleCounts(question, sources, text);
        tableCounts(sources, text);
        factQuestion = factQuestion || !text.toString().isEmpty();
        List<Source> prose = relevantProse(question, sources, factQuestion);
        if (!prose.isEmpty()) {
            List<Group> groups = factQuestion ? List.of() : byConcept(prose);
            if (factQuestion) {
                text.line("").line(text.en ? "Related passages of the study:" : "Dazu im Text der Studie:");
                grouped(question, prose, text);
            } else if (groups.size() > 1 || groups.size() == 1 && cases(prose) > 1) {
                composed(question, prose, groups, text);
            } else {
                text.line(lead(question, prose));
                grouped(question, prose, text);
            }
        }
        return text.toString().strip();
    }

    /** The aggregated tables: categories of challenges or success factors with how often the cases named them. */
    private void tableCounts(List<Source> sources, Text text) {
        for (String table : List.of("tabelle-1", "tabelle-2")) {
            List<Source> rows = sources.stream().filter(s -> s.fact() && table.equals(s.passage().sectionId())).toList();
            if (rows.isEmpty()) {
                continue;
            }
            boolean challenges = table.equals("tabelle-1");
            text.line(text.en
                    ? (challenges ? "Across all cases, the study counts these challenges (Table 1), most named first:"
                                  : "Across all cases, the study counts these success factors (Table 2), most named first:")
                    : (challenges ? "Über alle Fälle zählt die Studie diese Herausforderungen (Tabelle 1), die häufigsten zuerst:"
                                  : "Über alle Fälle zählt die Studie diese Erfolgsfaktoren (Tabelle 2), die häufigsten zuerst:"));
            rows.forEach(s -> text.line("- **" + s.passage().label() + ":** " + shorten(s.passage().text()) + " " + marker(s)));
            text.line("");
        }
    }

    /** How many cases per Tätigkeit, from the study's own sample figures. */
    private void sampleCounts(AnalyzedQuestion question, List<Source> sources, Text text) {
        Optional<Source> perActivity = sources.stream().filter(s -> "methodik".equals(s.passage().sectionId())
                && s.fact() && s.passage().text().contains("Tätigkeit: Buchhaltung")).findFirst();
        Optional<Source> interviews = sources.stream().filter(s -> "methodik".equals(s.passage().sectionId())
                && s.fact() && "Anzahl der Interviews".equals(s.passage().label())).findFirst();
        sources.stream().filter(s -> s.fact() && "Interviewdauer".equals(s.passage().label())).findFirst()
                .ifPresent(s -> text.line((text.en ? "Each interview of the study took **%s** %s." : "Jedes Interview der Studie dauerte **%s** %s.")
                        .formatted(s.passage().text(), marker(s))));
        if (perActivity.isEmpty()) {
            return;
        }
        String activities = "„" + perActivity.get().passage().text() + "“ " + marker(perActivity.get());
        text.line((text.en
                ? "The study comprises %s best-practice cases from %s interviews: %s – that is B1–B7 (accounting), K1–K7 (customer advice) and P1–P4 (capacity planning)."
                : "Die Studie umfasst %s Best-Practice-Fälle aus %s Interviews: %s – das sind B1–B7 (Buchhaltung), K1–K7 (Kundenberatung) und P1–P4 (Kapazitätsplanung).")
                .formatted(interviews.map(s -> s.passage().text() + " " + marker(s)).orElse("18"),
                        interviews.map(s -> s.passage().text()).orElse("18"), activities));
    }

    private void durations(AnalyzedQuestion question, List<Source> facts, Text text) {
        List<Source> durations = facts.stream().filter(s -> "Dauer der Einführung".equals(s.passage().label())).toList();
        if (durations.isEmpty()) {
            return;
        }
        if (durations.size() == 1) {
            Source s = durations.getFirst();
            text.line((text.en ? "The introduction at %s took **%s** %s." : "Die Einführung dauerte bei %s **%s** %s.")
                    .formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s)));
            List<Source> others = facts.stream().filter(f -> f != s && f.caseStudy() == s.caseStudy()
                    && !(question.asks(Topic.BETRIEBSRAT) || question.asks(Topic.EXTERN))).toList();
            if (!others.isEmpty()) {
                text.line("").line((text.en ? "Further facts printed beside the case: " : "Weitere Eckdaten des Falls: ")
                        + String.join("; ", others.stream().map(f -> "„" + f.passage().text() + "“ " + marker(f)).toList()));
            }
            return;
        }
        Optional<Durations.Limit> limit = Durations.limit(question.text());
        if (limit.isPresent()) {
            List<Source> within = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent()
                    && limit.get().accepts(Durations.months(s.passage().text()).getAsDouble())).toList();
            text.line(within.isEmpty()
                    ? (text.en ? "No case states a duration in that range." : "Keiner der Fälle nennt eine Dauer in diesem Bereich.")
                    : (text.en ? "Within that range:" : "In diesem Bereich liegen:"));
            within.forEach(s -> text.line("- %s: **%s** %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))));
            if (!within.isEmpty()) {
                // the condition is the answer: the other cases are counted, not listed and not cited
                text.line("").line((text.en ? "*The other %d cases state a duration outside that range or none in figures.*"
                        : "*Die übrigen %d Fälle nennen eine Dauer außerhalb dieses Bereichs oder keine bezifferte.*")
                        .formatted(durations.size() - within.size()));
                return;
            }
            text.line("");
        }
        boolean longestAsked = LONGEST.matcher(question.text()).find();
        boolean shortestAsked = SHORTEST.matcher(question.text()).find();
        if (longestAsked || shortestAsked) {
            durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                    .sorted(Comparator.comparingDouble(s -> (longestAsked ? -1 : 1) * Durations.months(s.passage().text()).getAsDouble()))
                    .findFirst().ifPresent(s -> text.line((text.en
                            ? (longestAsked ? "The longest introduction: %s, **%s** %s." : "The fastest introduction: %s, **%s** %s.")
                            : (longestAsked ? "Am längsten dauerte die Einführung bei %s: **%s** %s." : "Am schnellsten ging die Einführung bei %s: **%s** %s."))
                            .formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))).line(""));
        }
        text.line(text.en ? "Duration of the introduction, as stated per case:" : "Dauer der Einführung, wie die Fälle sie angeben:");
        for (Source s : durations) {
            text.line("- %s: %s %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s)));
        }
        Optional<Source> shortest = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                .min(Comparator.comparingDouble(s -> Durations.months(s.passage().text()).getAsDouble()));
        Optional<Source> longest = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                .max(Comparator.comparingDouble(s -> Durations.months(s.passage().text()).getAsDouble()));
        if (shortest.isPresent() && longest.isPresent() && shortest.get() != longest.get()) {
            text.line("").line((text.en
                    ? "The shortest is %s at %s %s, the longest %s at %s %s."
                    : "Am kürzesten: %s bei %s %s; am längsten: %s bei %s %s.").formatted(
                    shortest.get().passage().text(), shortest.get().caseStudy().id(), marker(shortest.get()),
                    longest.get().passage().text(), longest.get().caseStudy().id(), marker(longest.get())));
        }
    }

    /**
     * The cases that tick a yes/no fact and those that say no, as {@link CaseFacts} parsed them (never re-read from the
     * text); {@code line} finds the passage that prints the fact, to quote and cite.
     */
    private void yesNo(List<Source> facts, Text text, java.util.regex.Pattern line, Function<CaseFacts, Boolean> fact,
                       String yesDe, String yesEn, String noDe, String noEn, String restDe, String restEn) {
        List<Source> relevant = facts.stream().filter(s -> line.matcher(s.passage().text()).find())
                .filter(s -> fact.apply(s.caseStudy().facts()) != null).toList();
        if (relevant.isEmpty()) {
            return;
        }
        List<Source> yes = relevant.stream().filter(s -> fact.apply(s.caseStudy().facts())).toList();
        List<Source> no = relevant.stream().filter(s -> !fact.apply(s.caseStudy().facts())).toList();
        if (!yes.isEmpty()) {
            text.line(text.en ? yesEn : yesDe);
            yes.forEach(s -> text.line("- %s: „%s“ %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))));
        }
        if (!no.isEmpty()) {
            text.line(text.en ? noEn : noDe);
            no.forEach(s -> text.line("- %s: %s„%s“ %s".formatted(caseName(s.caseStudy(), text.en),
                    s.passage().label() != null ? "☐ " : "", s.passage().text(), marker(s))));
        }
        if (relevant.size() > 1) {
            // a note on what the study leaves open, not a statement about a case: in italics, as the answer's frame
            text.line("*" + (text.en ? restEn : restDe) + "*");
        }
    }

    /**
     * Passages that answer the question, not just share a word with it: when the question asks for a kind of passage
     * (tips, challenges ...) and the study has good ones, only those; otherwise the best matches.
     */
    private List<Source> relevantProse(AnalyzedQuestion question, List<Source> sources, boolean factQuestion) {
        List<Source> prose = sources.stream().filter(s -> !s.fact()).toList();
        List<Source> matching = prose.stream().filter(Source::matching).toList();
        if (question.whichCases() && !matching.isEmpty()) {
            return matching; // "Welche Unternehmen …": every case that answers, however few of the words it holds
        }
        double best = prose.stream().mapToDouble(Source::coverage).max().orElse(0);
        java.util.Set<String> asked = new java.util.HashSet<>();
        question.topics().forEach(t -> {
            if (t.sectionId() != null) asked.add(t.sectionId());
            asked.addAll(t.studySections());
        });
        if (question.asks(Topic.UEBERBLICK)) {
            asked.addAll(List.of("zusammenfassung", "fazit", "tabelle-1", "tabelle-2", "ergebnisse"));
        }
        List<Source> onTopic = prose.stream().filter(s -> asked.contains(s.passage().sectionId())).toList();
        double bestOnTopic = onTopic.stream().mapToDouble(Source::coverage).max().orElse(0);
        if (!onTopic.isEmpty() && bestOnTopic >= 0.75 * best) {
            return onTopic.stream().filter(s -> s.coverage() >= 0.75 * bestOnTopic).limit(8).toList();
        }
        if (factQuestion) {
            // facts answer the question; prose only where it speaks of the same thing
            return prose.stream().filter(s -> s.coverage() >= 0.6 * best && mentionsFactTopic(question, s)).limit(3).toList();
        }
        return prose.stream().filter(s -> s.coverage() >= 0.6 * best).limit(6).toList();
    }

    private static boolean mentionsFactTopic(AnalyzedQuestion question, Source s) {
        String text = s.passage().labelled().toLowerCase(java.util.Locale.GERMAN);
        return question.asks(Topic.BETRIEBSRAT) && text.matches("(?s).*(betriebsrat|mitarbeitendenvertretung).*")
                || question.asks(Topic.EXTERN) && text.matches("(?s).*(extern|dienstleister|partner|berater|anbieter).*")
                || question.asks(Topic.DAUER) && text.matches("(?s).*(dauer|monat|woche|jahr|zeit|lange|schnell).*");
    }

    private String lead(AnalyzedQuestion question, List<Source> prose) {
        long cases = prose.stream().map(s -> s.passage().caseId()).filter(id -> id != null).distinct().count();
        boolean en = question.english();
        String about = question.caseIds().size() == 1 && cases == 1
                ? (en ? " about " : " zu ") + caseName(prose.getFirst().caseStudy(), en) : "";
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("eckdaten"))
                .findFirst().orElse(null);
        String what = topic == null ? null : switch (topic) {
            case HERAUSFORDERUNGEN -> en ? "these challenges" : "diese Herausforderungen";
            case ERFOLGSFAKTOREN -> en ? "these success factors" : "diese Erfolgsfaktoren";
            case TIPPS -> en ? "these tips for other companies" : "diese Tipps für andere Unternehmen";
            case PROZESS -> en ? "these steps of the introduction" : "diese Schritte der Einführung";
            case ZIEL -> en ? "these goals" : "diese Ziele";
            case INTERAKTION -> en ? "who works with the AI and how" : "wer mit der KI arbeitet und wie";
            case BESCHREIBUNG -> en ? "what the AI application does" : "was die KI-Anwendung tut";
            case ZITAT -> en ? "these quotes" : "diese Zitate";
            case ZUSAMMENARBEIT -> en ? "this about teamwork" : "dies zur Zusammenarbeit der Teams";
            default -> null;
        };
        String fromCases = cases > 1 ? (en ? " from %d cases".formatted(cases) : " aus %d Fällen".formatted(cases)) : "";
        if (what != null) {
            return en ? "The study describes %s%s%s (quoted in German):".formatted(what, about, fromCases)
                    : "Die Studie nennt%s %s%s:".formatted(about, what, fromCases);
        }
        return en ? "The study says this%s%s (quoted in German):".formatted(about, fromCases)
                : "Dazu steht in der Studie%s%s:".formatted(about, fromCases);
    }

    private void grouped(AnalyzedQuestion question, List<Source> prose, Text text) {
        Map<String, List<Source>> groups = new LinkedHashMap<>();
        for (Source s : prose) {
            String key = s.passage().caseId() != null ? s.passage().caseId() : "study:" + s.passage().sectionId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        boolean headings = groups.size() > 1 || question.caseIds().size() != 1;
        for (List<Source> group : groups.values()) {
            Source first = group.getFirst();
            if (headings) {
                text.line("");
                text.line(first.caseStudy() != null ? "**" + heading(first.caseStudy(), text.en) + "**"
                        : "**" + (text.en ? "Study: " : "Studie: ") + sectionTitle(first.passage()) + "**");
            }
            group.stream().sorted(Comparator.comparing(s -> s.passage().id(), ExtractiveAnswerer::byPosition))
                    .forEach(s -> text.line("- " + bullet(s)));
        }
    }

    /** Passages that share a study concept, in the order of their best source. */
    private record Group(Concept concept, List<Source> sources) {

        List<String> caseIds() {
            return sources.stream().map(s -> s.passage().caseId()).filter(java.util.Objects::nonNull).distinct().toList();
        }
    }

    /** The cases and study sections the passages come from. */
    private static long owners(List<Source> sources) {
        return sources.stream().map(s -> s.passage().caseId() != null ? s.passage().caseId() : s.passage().sectionId())
                .distinct().count();
    }

    private static long cases(List<Source> prose) {
        return prose.stream().map(s -> s.passage().caseId()).filter(java.util.Objects::nonNull).distinct().count();
    }

    /**
     * Groups the passages by the concept of the concept layer ({@code concepts/passagen-konzepte.tsv}) that covers most
     * of them, then the next, greedily; a concept that covers one passage only is no group. The Tätigkeiten and the
     * study's own topics group nothing: they say where a passage stands, not what it says. Empty when fewer than two
     * passages share a concept.
     */
    private List<Group> byConcept(List<Source> prose) {
        List<Source> left = new ArrayList<>(prose);
        List<Group> groups = new ArrayList<>();
        while (left.size() > 1) {
            Map<String, List<Source>> byId = new LinkedHashMap<>();
            for (Source s : left) {
                for (String id : concepts.of(s.passage().id())) {
                    if (!id.startsWith("taetigkeit-") && !id.startsWith("studie-")) {
                        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
                    }
                }
            }
            // the concept shared by most cases (the study's own text counts as one more), then by most passages;
            // ties go to the concept of the better ranked passage
            Map.Entry<String, List<Source>> best = byId.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, List<Source>>>comparingLong(e -> owners(e.getValue()))
                            .thenComparingInt(e -> e.getValue().size())
                            .thenComparingInt(e -> -firstRank(prose, e.getValue())))
                    .orElse(null);
            if (best == null || best.getValue().size() < 2 || concepts.byId(best.getKey()).isEmpty()) {
                break;
            }
            groups.add(new Group(concepts.byId(best.getKey()).orElseThrow(), best.getValue()));
            left.removeAll(best.getValue());
        }
        groups.sort(Comparator.comparingInt(g -> firstRank(prose, g.sources())));
        return groups;
    }

    private static int firstRank(List<Source> prose, List<Source> group) {
        return group.stream().mapToInt(prose::indexOf).min().orElse(Integer.MAX_VALUE);
    }

    /**
     * The answer of a question that several cases answer: one sentence naming the concepts they share, each with its
     * citations, then the quotes grouped by concept (case id in front), then the passages no concept groups.
     */
    private void composed(AnalyzedQuestion question, List<Source> prose, List<Group> groups, Text text) {
        boolean en = text.en;
        long cases = cases(prose);
        List<String> named = new ArrayList<>();
        for (Group g : groups.subList(0, Math.min(LEAD_CONCEPTS, groups.size()))) {
            named.add(conceptName(g.concept(), en) + " " + String.join("", g.sources().stream().map(ExtractiveAnswerer::marker).toList()));
        }
        String what = kind(question, en);
        String from = cases > 1 ? (en ? " from %d cases".formatted(cases) : " aus %d Fällen".formatted(cases)) : "";
        boolean all = groups.size() <= LEAD_CONCEPTS;
        // "Die Studie nennt dazu aus 4 Fällen vor allem A [1][2] und B [3]." / "… diese Erfolgsfaktoren aus 4 Fällen, unter anderem …"
        String lead = en
                ? "The study names %s%s, %s %s.".formatted(what == null ? "these points" : what, from,
                        all ? "above all" : "among others", enumeration(named, true))
                : "Die Studie nennt %s%s%s %s.".formatted(what == null ? "dazu" : what, from,
                        what == null ? "" : ",", (all ? "vor allem " : "unter anderem ") + enumeration(named, false));
        text.line(lead.replace(" ,", ",").replace("  ", " "));
        if (en) {
            text.line("*The quotes below stay in the study's German.*");
        }
        for (Group g : groups) {
            text.line("");
            List<String> ids = g.caseIds();
            text.line("**" + conceptName(g.concept(), en) + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")") + "**");
            g.sources().forEach(s -> text.line("- " + casePrefix(s, en) + bullet(s)));
        }
        List<Source> rest = prose.stream().filter(s -> groups.stream().noneMatch(g -> g.sources().contains(s))).toList();
        if (!rest.isEmpty()) {
            text.line("").line(en ? "**Further passages**" : "**Weitere Stellen**");
            rest.forEach(s -> text.line("- " + casePrefix(s, en) + bullet(s)));
        }
    }

    /** "B3 (Finanzbranche): " before a quote, or the study's section for a passage of the study's own text. */
    private static String casePrefix(Source s, boolean en) {
        CaseStudy c = s.caseStudy();
        if (c == null) {
            return (en ? "Study, " : "Studie, ") + sectionTitle(s.passage()) + ": ";
        }
        return "**" + c.id() + "**" + (c.branche() == null ? "" : " (" + c.branche() + ")") + ": ";
    }

    private static String conceptName(Concept concept, boolean en) {
        return en ? concept.nameEn() : concept.nameDe();
    }

    private static String enumeration(List<String> items, boolean en) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + (en ? " and " : " und ") + items.getLast();
    }

    /** What the question asks for, in the study's words: "Erfolgsfaktoren", "Herausforderungen" ... or null. */
    private static String kind(AnalyzedQuestion question, boolean en) {
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("eckdaten"))
                .findFirst().orElse(null);
        return topic == null ? null : switch (topic) {
            case HERAUSFORDERUNGEN -> en ? "these challenges" : "diese Herausforderungen";
            case ERFOLGSFAKTOREN -> en ? "these success factors" : "diese Erfolgsfaktoren";
            case TIPPS -> en ? "these tips" : "diese Tipps";
            case PROZESS -> en ? "these steps" : "diese Schritte";
            case ZIEL -> en ? "these goals" : "diese Ziele";
            default -> null;
        };
    }

    /** A row of the count tables as the parser reads it: "2 | 2 | 0 | Datenschutz & rechtliche Situation (M=6.34)". */
    private static final java.util.regex.Pattern COUNT_ROW = java.util.regex.Pattern.compile(
            "(\\d+) \\| (\\d+) \\| (\\d+)(?: \\| (.+))?");

    /** The row as a sentence a person reads: the mentions per Tätigkeit and the obstacle of Studie 1 it is matched to. */
    static String countRow(String text, boolean en) {
        java.util.regex.Matcher row = COUNT_ROW.matcher(text);
        if (!row.matches()) {
            return text;
        }
        String counts = (en ? "accounting %s, customer advice %s, capacity planning %s"
                : "Buchhaltung %s, Kundenberatung %s, Kapazitätsplanung %s").formatted(row.group(1), row.group(2), row.group(3));
        return row.group(4) == null ? counts + "."
                : counts + (en ? "; matched obstacle from Studie 1: " : "; zugeordnetes Hemmnis aus Studie 1: ") + row.group(4) + ".";
    }

    private String bullet(Source s) {
        Passage p = s.passage();
        boolean countRow = p.sectionId().startsWith("tabelle-") && COUNT_ROW.matcher(p.text()).matches();
        String body = countRow ? countRow(p.text(), false) : shorten(p.text());
        String label = countRow && p.label() != null ? p.label().replaceFirst(" \\(.*\\)$", "") : p.label();
        String line = switch (p.kind()) {
            case BEST_PRACTICE -> label == null || label.equals(p.text()) ? "**" + body + "**" : "**" + label + ":** " + body;
            case STEP -> label == null ? body : "**" + label + "** – " + body;
            case QUOTE -> body;
            case FACT -> label == null ? body : label + ": " + body;
            case TEXT -> label == null || p.caseId() == null && label.length() > 60 ? body : "*" + label + ":* " + body;
        };
        return line + " " + marker(s);
    }

    private String shorten(String text) {
        if (text.length() <= properties.quoteLength()) {
            return text;
        }
        int cut = text.lastIndexOf(". ", properties.quoteLength());
        return (cut > properties.quoteLength() / 3 ? text.substring(0, cut + 1) : text.substring(0, properties.quoteLength())) + " …";
    }

    static String marker(Source s) {
        return "[" + s.n() + "]";
    }

    static String caseName(CaseStudy c, boolean en) {
        return "**" + c.id() + "** (" + (c.branche() == null ? "" : c.branche() + " – ") + c.application() + ")";
    }

    static String heading(CaseStudy c, boolean en) {
        return c.id() + (c.branche() == null ? "" : " · " + c.branche()) + " – " + c.application()
                + " (" + activityName(c.activity(), en) + ")";
    }

    static String activityName(Activity activity, boolean en) {
        if (!en) {
            return activity.label();
        }
        return switch (activity) {
            case BUCHHALTUNG -> "accounting";
            case KUNDENBERATUNG -> "customer advice";
            case KAPAZITAETSPLANUNG -> "capacity planning";
        };
    }

    private static String sectionTitle(Passage p) {
        String id = p.sectionId();
        return switch (id) {
            case "tabelle-1" -> "Tabelle 1 (Herausforderungen)";
            case "tabelle-2" -> "Tabelle 2 (Erfolgsfaktoren)";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    /** Orders "B4.prozess.10" after "B4.prozess.9" and keeps the sections in brochure order. */
    static int byPosition(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        if (!x[x.length - 2].equals(y[y.length - 2])) {
            return Integer.compare(sectionRank(x[x.length - 2]), sectionRank(y[y.length - 2]));
        }
        return Integer.compare(Integer.parseInt(x[x.length - 1]), Integer.parseInt(y[y.length - 1]));
    }

    private static int sectionRank(String sectionId) {
        int i = de.studienlotse.corpus.Study.CASE_SECTIONS.indexOf(sectionId);
        return i >= 0 ? i : 100 + de.studienlotse.corpus.Study.STUDY_SECTIONS.indexOf(sectionId);
    }

    /** A Markdown text built line by line. */
    private static final class Text {
        final boolean en;
        private final StringBuilder lines = new StringBuilder();

        Text(boolean en) {
            this.en = en;
        }

        Text line(String line) {
            lines.append(line).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }


}
