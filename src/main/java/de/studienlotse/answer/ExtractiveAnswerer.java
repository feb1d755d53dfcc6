package de.studienlotse.answer;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.CaseFacts;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.search.AnalyzedWord;
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

    /** Passages of the study's own text quoted at most for a question about the study. */
    static final int MAX_STUDY_PASSAGES = 8;
    /** At most this many concepts are named in the opening sentence. */
    private static final int LEAD_CONCEPTS = 3;

    private final AnswerProperties properties;
    private final StudyConcepts concepts;
    /** A text's words as the index analyses them: lemmas and compound parts. */
    private final Function<String, List<AnalyzedWord>> words;

    @org.springframework.beans.factory.annotation.Autowired
    ExtractiveAnswerer(AnswerProperties properties, PassageIndex index) {
        this(properties, index.concepts(), index::words);
    }

    ExtractiveAnswerer(AnswerProperties properties, StudyConcepts concepts, Function<String, List<AnalyzedWord>> words) {
        this.properties = properties;
        this.concepts = concepts;
        this.words = words;
    }

    String answer(AnalyzedQuestion question, List<Source> sources) {
        Text text = new Text(question.language(), asked(question.text()));
        List<Source> facts = sources.stream().filter(s -> s.fact() && "eckdaten".equals(s.passage().sectionId())).toList();
        boolean factQuestion = Topic.FACTS.stream().anyMatch(question::asks) && !facts.isEmpty();
        if (question.asks(Topic.DAUER)) {
            durations(question, facts, text);
        }
        if (question.asks(Topic.BETRIEBSRAT)) {
            yesNo(facts, text, SourceSelector.WORKS_COUNCIL, CaseFacts::worksCouncil,
                    "facts.works-council.yes", "facts.works-council.no", "facts.works-council.rest");
        }
        if (question.asks(Topic.EXTERN)) {
            yesNo(facts, text, SourceSelector.EXTERNAL, CaseFacts::externalSupport,
                    "facts.external-support.yes", "facts.external-support.no", "facts.external-support.rest");
        }
        sampleCounts(question, sources, text);
        tableCounts(sources, text);
        factQuestion = factQuestion || !text.toString().isEmpty();
        List<Source> prose = relevantProse(question, sources, factQuestion);
        // an answer from one case (and no study section) has room for its passages in full: what a shortened quote leaves out is often the
        // detail asked for; quotes of several cases stay short so the answer stays readable
        text.quoteLength = cases(prose) == 1 && owners(prose) == 1 ? Integer.MAX_VALUE : properties.quoteLength();
        if (!prose.isEmpty()) {
            List<Group> groups = factQuestion ? List.of() : byConcept(prose);
            if (factQuestion) {
                text.line("").line(text.text("facts.related-passages"));
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
            text.line(text.text(challenges ? "facts.table.challenges" : "facts.table.success-factors"));
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
                .ifPresent(s -> text.line(text.text("facts.interview-duration", s.passage().text(), marker(s))));
        if (perActivity.isEmpty()) {
            return;
        }
        String activities = "„" + perActivity.get().passage().text() + "“ " + marker(perActivity.get());
        text.line(text.text("facts.sample", interviews.map(s -> s.passage().text() + " " + marker(s)).orElse("18"),
                        interviews.map(s -> s.passage().text()).orElse("18"), activities));
    }

    private void durations(AnalyzedQuestion question, List<Source> facts, Text text) {
        List<Source> durations = facts.stream().filter(s -> "Dauer der Einführung".equals(s.passage().label())).toList();
        if (durations.isEmpty()) {
            return;
        }
        if (durations.size() == 1) {
            Source s = durations.getFirst();
            text.line(text.text("duration.one", caseName(s.caseStudy(), text.en), s.passage().text(), marker(s)));
            List<Source> others = facts.stream().filter(f -> f != s && f.caseStudy() == s.caseStudy()
                    && !(question.asks(Topic.BETRIEBSRAT) || question.asks(Topic.EXTERN))).toList();
            if (!others.isEmpty()) {
                text.line("").line(text.text("duration.further-facts",
                        String.join("; ", others.stream().map(f -> "„" + f.passage().text() + "“ " + marker(f)).toList())));
            }
            return;
        }
        Optional<Durations.Limit> limit = Durations.limit(question.text());
        if (limit.isPresent()) {
            List<Source> within = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent()
                    && limit.get().accepts(Durations.months(s.passage().text()).getAsDouble())).toList();
            text.line(text.text(within.isEmpty() ? "duration.range.none" : "duration.range.lead"));
            within.forEach(s -> text.line("- %s: **%s** %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))));
            if (!within.isEmpty()) {
                // the condition is the answer: the other cases are counted, not listed and not cited
                text.line("").line(text.text("duration.range.others", durations.size() - within.size()));
                return;
            }
            text.line("");
        }
        boolean longestAsked = LONGEST.matcher(question.text()).find();
        boolean shortestAsked = SHORTEST.matcher(question.text()).find();
        if (longestAsked || shortestAsked) {
            durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                    .sorted(Comparator.comparingDouble(s -> (longestAsked ? -1 : 1) * Durations.months(s.passage().text()).getAsDouble()))
                    .findFirst().ifPresent(s -> text.line(text.text(longestAsked ? "duration.longest" : "duration.fastest",
                            caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))).line(""));
        }
        text.line(text.text("duration.list.lead"));
        for (Source s : durations) {
            text.line("- %s: %s %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s)));
        }
        Optional<Source> shortest = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                .min(Comparator.comparingDouble(s -> Durations.months(s.passage().text()).getAsDouble()));
        Optional<Source> longest = durations.stream().filter(s -> Durations.months(s.passage().text()).isPresent())
                .max(Comparator.comparingDouble(s -> Durations.months(s.passage().text()).getAsDouble()));
        if (shortest.isPresent() && longest.isPresent() && shortest.get() != longest.get()) {
            text.line("").line(text.text("duration.span",
                    shortest.get().passage().text(), shortest.get().caseStudy().id(), marker(shortest.get()),
                    longest.get().passage().text(), longest.get().caseStudy().id(), marker(longest.get())));
        }
    }

    /**
     * The cases that tick a yes/no fact and those that say no, as {@link CaseFacts} parsed them (never re-read from the
     * text); {@code line} finds the passage that prints the fact, to quote and cite.
     */
    private void yesNo(List<Source> facts, Text text, java.util.regex.Pattern line, Function<CaseFacts, Boolean> fact,
                       String yesKey, String noKey, String restKey) {
        List<Source> relevant = facts.stream().filter(s -> line.matcher(s.passage().text()).find())
                .filter(s -> fact.apply(s.caseStudy().facts()) != null).toList();
        if (relevant.isEmpty()) {
            return;
        }
        List<Source> yes = relevant.stream().filter(s -> fact.apply(s.caseStudy().facts())).toList();
        List<Source> no = relevant.stream().filter(s -> !fact.apply(s.caseStudy().facts())).toList();
        if (!yes.isEmpty()) {
            text.line(text.text(yesKey));
            yes.forEach(s -> text.line("- %s: „%s“ %s".formatted(caseName(s.caseStudy(), text.en), s.passage().text(), marker(s))));
        }
        if (!no.isEmpty()) {
            text.line(text.text(noKey));
            no.forEach(s -> text.line("- %s: %s„%s“ %s".formatted(caseName(s.caseStudy(), text.en),
                    s.passage().label() != null ? "☐ " : "", s.passage().text(), marker(s))));
        }
        if (relevant.size() > 1) {
            // a note on what the study leaves open, not a statement about a case: in italics, as the answer's frame
            text.line("*" + text.text(restKey) + "*");
        }
    }

    /**
     * Passages that answer the question, not just share a word with it: when the question asks for a kind of passage
     * (tips, challenges ...) and the study has good ones, only those; otherwise the best matches.
     */
    private List<Source> relevantProse(AnalyzedQuestion question, List<Source> sources, boolean factQuestion) {
        List<Source> prose = sources.stream().filter(s -> !s.fact()).toList();
        if (question.asks(Topic.STUDIE) && question.caseIds().isEmpty()) {
            // a question about the study itself is answered from the passages of the study's own text the sources
            // chose as its answer (SourceSelector), no case passage
            List<Source> own = prose.stream().filter(s -> s.caseStudy() == null && s.matching()).toList();
            if (!own.isEmpty()) {
                return own.stream().limit(MAX_STUDY_PASSAGES).toList();
            }
        }
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

    private static final java.util.regex.Pattern WORKS_COUNCIL_WORD =
            java.util.regex.Pattern.compile("betriebsrat|mitarbeitendenvertretung");
    private static final java.util.regex.Pattern EXTERNAL_WORD =
            java.util.regex.Pattern.compile("extern|dienstleister|partner|berater|anbieter");
    private static final java.util.regex.Pattern DURATION_WORD =
            java.util.regex.Pattern.compile("dauer|monat|woche|jahr|zeit|lange|schnell");

    private static boolean mentionsFactTopic(AnalyzedQuestion question, Source s) {
        String text = s.passage().labelled().toLowerCase(java.util.Locale.GERMAN);
        return question.asks(Topic.BETRIEBSRAT) && WORKS_COUNCIL_WORD.matcher(text).find()
                || question.asks(Topic.EXTERN) && EXTERNAL_WORD.matcher(text).find()
                || question.asks(Topic.DAUER) && DURATION_WORD.matcher(text).find();
    }

    private String lead(AnalyzedQuestion question, List<Source> prose) {
        long cases = prose.stream().map(s -> s.passage().caseId()).filter(id -> id != null).distinct().count();
        boolean en = question.english();
        Language language = question.language();
        String about = question.caseIds().size() == 1 && cases == 1
                ? " " + Texts.text(language, "lead.about", caseName(prose.getFirst().caseStudy(), en)) : "";
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("eckdaten"))
                .findFirst().orElse(null);
        String what = topic == null ? null : switch (topic) {
            case HERAUSFORDERUNGEN -> "lead.topic.challenges";
            case ERFOLGSFAKTOREN -> "lead.topic.success-factors";
            case TIPPS -> "lead.topic.tips";
            case PROZESS -> "lead.topic.steps";
            case ZIEL -> "lead.topic.goals";
            case INTERAKTION -> "lead.topic.interaction";
            case BESCHREIBUNG -> "lead.topic.description";
            case ZITAT -> "lead.topic.quotes";
            case ZUSAMMENARBEIT -> "lead.topic.teamwork";
            default -> null;
        };
        String fromCases = cases > 1 ? " " + Texts.text(language, "lead.from-cases", cases) : "";
        if (what != null) {
            return Texts.text(language, "lead.topic", Texts.text(language, what), about, fromCases);
        }
        return Texts.text(language, "lead.general", about, fromCases);
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
                text.line(first.caseStudy() != null ? "**" + heading(first.caseStudy(), text.language) + "**"
                        : "**" + text.text("heading.study-section", sectionTitle(first.passage())) + "**");
            }
            group.stream().sorted(Comparator.comparing(s -> s.passage().id(), ExtractiveAnswerer::byPosition))
                    .forEach(s -> text.line("- " + bullet(s, text)));
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
        Language language = text.language;
        long cases = cases(prose);
        List<String> named = new ArrayList<>();
        for (Group g : groups.subList(0, Math.min(LEAD_CONCEPTS, groups.size()))) {
            named.add(conceptName(g.concept(), en) + " " + String.join("", g.sources().stream().map(ExtractiveAnswerer::marker).toList()));
        }
        String what = kind(question);
        String from = cases > 1 ? " " + Texts.text(language, "lead.from-cases", cases) : "";
        boolean all = groups.size() <= LEAD_CONCEPTS;
        // "Die Studie nennt dazu aus 4 Fällen vor allem A [1][2] und B [3]." / "… diese Erfolgsfaktoren aus 4 Fällen, unter anderem …"
        String some = Texts.text(language, all ? "composed.all" : "composed.some");
        String lead = what == null ? Texts.text(language, "composed.lead.general", from, some, enumeration(named, language))
                : Texts.text(language, "composed.lead", Texts.text(language, what), from, some, enumeration(named, language));
        text.line(lead.replace(" ,", ",").replace("  ", " "));
        String quotesInGerman = text.text("composed.quotes-in-german");
        if (!quotesInGerman.isEmpty()) {
            text.line(quotesInGerman);
        }
        for (Group g : groups) {
            text.line("");
            List<String> ids = g.caseIds();
            text.line("**" + conceptName(g.concept(), en) + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")") + "**");
            g.sources().forEach(s -> text.line("- " + casePrefix(s, language) + bullet(s, text)));
        }
        List<Source> rest = prose.stream().filter(s -> groups.stream().noneMatch(g -> g.sources().contains(s))).toList();
        if (!rest.isEmpty()) {
            text.line("").line(text.text("composed.further-passages"));
            rest.forEach(s -> text.line("- " + casePrefix(s, language) + bullet(s, text)));
        }
    }

    /** "B3 (Finanzbranche): " before a quote, or the study's section for a passage of the study's own text. */
    private static String casePrefix(Source s, Language language) {
        CaseStudy c = s.caseStudy();
        if (c == null) {
            return Texts.text(language, "prefix.study-section", sectionTitle(s.passage())) + ": ";
        }
        return "**" + c.id() + "**" + (c.branche() == null ? "" : " (" + c.branche() + ")") + ": ";
    }

    private static String conceptName(Concept concept, boolean en) {
        return en ? concept.nameEn() : concept.nameDe();
    }

    private static String enumeration(List<String> items, Language language) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + Texts.text(language, "enumeration.and") + " "
                + items.getLast();
    }

    /** The key of what the question asks for, in the study's words: "Erfolgsfaktoren", "Herausforderungen" ... or null. */
    private static String kind(AnalyzedQuestion question) {
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("eckdaten"))
                .findFirst().orElse(null);
        return topic == null ? null : switch (topic) {
            case HERAUSFORDERUNGEN -> "composed.kind.challenges";
            case ERFOLGSFAKTOREN -> "composed.kind.success-factors";
            case TIPPS -> "composed.kind.tips";
            case PROZESS -> "composed.kind.steps";
            case ZIEL -> "composed.kind.goals";
            default -> null;
        };
    }

    /** A row of the count tables as the parser reads it: "2 | 2 | 0 | Datenschutz & rechtliche Situation (M=6.34)". */
    private static final java.util.regex.Pattern COUNT_ROW = java.util.regex.Pattern.compile(
            "(\\d+) \\| (\\d+) \\| (\\d+)(?: \\| (.+))?");

    /** The row as a sentence a person reads: the mentions per Tätigkeit and the obstacle of Studie 1 it is matched to. */
    static String countRow(String text, Language language) {
        java.util.regex.Matcher row = COUNT_ROW.matcher(text);
        if (!row.matches()) {
            return text;
        }
        return row.group(4) == null ? Texts.text(language, "count-row.mentions", row.group(1), row.group(2), row.group(3))
                : Texts.text(language, "count-row.with-obstacle", row.group(1), row.group(2), row.group(3), row.group(4));
    }

    private String bullet(Source s, Text text) {
        Passage p = s.passage();
        boolean countRow = p.sectionId().startsWith("tabelle-") && COUNT_ROW.matcher(p.text()).matches();
        String body = countRow ? countRow(p.text(), Language.DE) : p.caseId() == null ? oneLine(excerpt(p.text(), text.asked))
                : shorten(p.text(), text.quoteLength);
        if (text.quoteLength == Integer.MAX_VALUE) {
            // a quote in full stays one list item: its line breaks would end the item and leave lines without a marker
            body = body.replaceAll("\\s*\\n\\s*", " ");
        }
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

    /**
     * A passage of the study's text printed with its own line breaks ("Linn Braunmiller\n- Wissenschaftliche
     * Mitarbeiterin\n- Universität Stuttgart …") as one list item, its lines joined by semicolons: each of those lines
     * would otherwise be a list item of the answer without a citation of its own.
     */
    static String oneLine(String text) {
        return text.strip().replaceAll(":\\s*\\n\\s*-\\s*", ": ").replaceAll("\\s*\\n\\s*-\\s*", "; ")
                .replaceAll("\\s*\\n\\s*", " ");
    }

    /** The question's content words as terms: lemmas and compound parts. */
    private java.util.Set<String> asked(String question) {
        java.util.Set<String> terms = new java.util.HashSet<>();
        words.apply(question).forEach(w -> {
            terms.add(w.term());
            terms.addAll(w.parts());
        });
        return terms;
    }

    /** Sentence ends inside a paragraph of the study: a full stop, colon or question mark before a capital or quote. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile(
            "(?<=[.!?:])\\s+(?=[\\p{Lu}„\"-])");

    /**
     * A long paragraph of the study's own text as the sentences that hold most of the question's words, in the
     * paragraph's order, "…" where sentences are left out; the opening of the paragraph when no sentence holds any.
     * The study's paragraphs (Fazit, Einleitung, Impressum) run to a thousand characters, and the sentence that answers
     * is often the last ("komplex, aber plan- und gestaltbar").
     */
    String excerpt(String text, java.util.Set<String> asked) {
        if (text.length() <= properties.quoteLength() || asked.isEmpty()) {
            return shorten(text);
        }
        String[] sentences = SENTENCE_END.split(text);
        int[] held = new int[sentences.length];
        int best = 0;
        for (int i = 0; i < sentences.length; i++) {
            java.util.Set<String> terms = asked(sentences[i]);
            terms.retainAll(asked);
            held[i] = terms.size();
            best = Math.max(best, held[i]);
        }
        if (best == 0) {
            return shorten(text);
        }
        // the best sentences first, as many as fit, then in the paragraph's order
        Integer[] order = new Integer[sentences.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -held[i]).thenComparingInt(i -> i));
        java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
        int length = 0;
        for (int i : order) {
            if (held[i] == 0 || !chosen.isEmpty() && length + sentences[i].length() > properties.quoteLength()) {
                continue;
            }
            chosen.add(i);
            length += sentences[i].length();
        }
        StringBuilder quote = new StringBuilder();
        int previous = -1;
        for (int i : chosen) {
            if (i > previous + 1) {
                quote.append(quote.isEmpty() ? "… " : " … ");
            } else if (!quote.isEmpty()) {
                quote.append(' ');
            }
            quote.append(sentences[i].length() > 2 * properties.quoteLength() ? shorten(sentences[i]) : sentences[i]);
            previous = i;
        }
        if (previous < sentences.length - 1) {
            quote.append(" …");
        }
        return quote.toString();
    }

    private String shorten(String text) {
        return shorten(text, properties.quoteLength());
    }

    private static String shorten(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(". ", length);
        return (cut > length / 3 ? text.substring(0, cut + 1) : text.substring(0, length)) + " …";
    }

    static String marker(Source s) {
        return "[" + s.n() + "]";
    }

    static String caseName(CaseStudy c, boolean en) {
        return "**" + c.id() + "** (" + (c.branche() == null ? "" : c.branche() + " – ") + c.application() + ")";
    }

    static String heading(CaseStudy c, Language language) {
        return c.id() + (c.branche() == null ? "" : " · " + c.branche()) + " – " + c.application()
                + " (" + activityName(c.activity(), language) + ")";
    }

    static String activityName(Activity activity, Language language) {
        return Texts.text(language, switch (activity) {
            case BUCHHALTUNG -> "activity.accounting";
            case KUNDENBERATUNG -> "activity.customer-advice";
            case KAPAZITAETSPLANUNG -> "activity.capacity-planning";
        });
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
        final Language language;
        final boolean en;
        /** The question's content words as terms, to quote the sentences of a long paragraph that answer it. */
        final java.util.Set<String> asked;
        /** Quotes longer than this are shortened at a sentence end. */
        int quoteLength = Integer.MAX_VALUE;
        private final StringBuilder lines = new StringBuilder();

        Text(Language language, java.util.Set<String> asked) {
            this.language = language;
            this.en = language == Language.EN;
            this.asked = asked;
        }

        /** A text of the answer's frame in the question's language. */
        String text(String key, Object... args) {
            return Texts.text(language, key, args);
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
