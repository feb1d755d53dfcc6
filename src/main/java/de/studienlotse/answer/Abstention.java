package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.QueryTerms;
import de.studienlotse.search.StudyConcepts;
import org.springframework.stereotype.Component;

/**
 * Decides when the study does not cover a question, says so plainly and offers questions it can answer.
 * Two signals: the evidence of the passages found is weak (few of the question's words, no shared study concept,
 * nouns the study never uses: out of domain), or it asks for a kind of answer the study never gives (amounts of
 * money, names of firms or people).
 */
@Component
class Abstention {

    /** An amount of money as it would be printed: "25.000 €", "3 Mio. Euro". The study contains none. */

    enum Reason { OUT_OF_DOMAIN, NO_AMOUNTS, NO_NAMES, NOT_REPORTED }

    /** "wie viele Tickets pro Tag": a rate the study would have to state as a number per period. */
    private static final Pattern RATE_QUESTION = Pattern.compile("(?i)(wie ?viele?|how many|how much).*\\b(pro|je|per|am|im) (tag|woche|monat|jahr|stunde|day|week|month|year|hour)\\b|(?i)(täglich|wöchentlich|monatlich|daily|weekly|monthly)");
    private static final Pattern RATE = Pattern.compile("(?i)\\d.{0,40}\\b(pro|je|im|per) (tag|woche|monat|quartal|jahr|stunde)\\b");

    private final AnswerProperties properties;
    /** Which study concepts tag a passage: evidence a question in other words is still about what the study says. */
    private final StudyConcepts concepts;
    /** What the study does not know: the same words the advisor's concerns are checked against. */
    private final UnknownWords unknownWords;
    /** Kinds of detail outside the study's case profile: amounts, regions, legal advice, dates, key figures. */
    private final NotReported notReported;
    private final PassageIndex index;

    Abstention(AnswerProperties properties, Study study, PassageIndex index) {
        this.properties = properties;
        this.concepts = index.concepts();
        this.unknownWords = new UnknownWords(study);
        this.index = index;
        this.notReported = new NotReported(index);
    }

    Optional<Reason> reason(AnalyzedQuestion question, SourceSelector.Selection selection) {
        AnswerProperties.AbstentionProperties weights = properties.abstention();
        return fixedReason(question, selection).or(() -> evidence(question, selection).score(weights) < weights.minEvidence()
                ? Optional.of(Reason.OUT_OF_DOMAIN) : Optional.empty());
    }

    /** What no weighing of evidence changes: an answer of a kind the study never gives, or nothing found at all. */
    Optional<Reason> fixedReason(AnalyzedQuestion question, SourceSelector.Selection selection) {
        if (question.asks(Topic.GELDBETRAG) && selection.sources().stream().noneMatch(s -> NotReported.Kind.BETRAG.printedIn(s.passage().text()))) {
            return Optional.of(Reason.NO_AMOUNTS);
        }
        if (RATE_QUESTION.matcher(question.text()).find() && selection.sources().stream().noneMatch(s -> RATE.matcher(s.passage().text()).find())) {
            return Optional.of(Reason.NO_AMOUNTS);
        }
        if (question.asks(Topic.NAME)) {
            return Optional.of(Reason.NO_NAMES);
        }
        if (notReported(question, selection).isPresent()) {
            return Optional.of(Reason.NOT_REPORTED);
        }
        if (selection.sources().isEmpty() || selection.terms().isEmpty() && question.caseIds().isEmpty()) {
            return Optional.of(Reason.OUT_OF_DOMAIN);
        }
        return Optional.empty();
    }

    /** How many of the first sources the concept evidence looks at: the passages an answer leads with. */
    static final int CONCEPT_SOURCES = 3;

    /**
     * What the retrieved passages say about whether the study covers the question.
     *
     * @param coverage     the best passage's share of the question's words ({@link #contentCoverage}); 1 when the
     *                     question names a case or asks for a structured fact, which the study states by construction
     * @param concepts     study concepts the question names that also tag one of the first sources (at most 2)
     * @param unknownNouns names and foreign terms of the question the study never uses ({@link #unknownFocusWords}):
     *                     "Sachsen", "ROI", "Excel"
     * @param commonNouns  common German nouns of the question the study never uses: "Keller", "Geschlecht"
     */
    record Evidence(double coverage, int concepts, int unknownNouns, int commonNouns) {

        Evidence(double coverage, int concepts, int unknownNouns) {
            this(coverage, concepts, unknownNouns, 0);
        }

        double score(AnswerProperties.AbstentionProperties weights) {
            return coverage + weights.conceptWeight() * concepts - weights.unknownNounPenalty() * unknownNouns
                    - weights.commonNounPenalty() * commonNouns;
        }
    }

    Evidence evidence(AnalyzedQuestion question, SourceSelector.Selection selection) {
        boolean named = !question.caseIds().isEmpty();
        boolean facts = selection.sources().stream().anyMatch(Source::fact);
        Set<String> asked = Set.copyOf(selection.terms().concepts());
        long shared = selection.sources().stream().limit(CONCEPT_SOURCES)
                .flatMap(s -> concepts.of(s.passage().id()).stream()).filter(asked::contains).distinct().count();
        List<QueryTerms.QueryTerm> unknown = unknownFocusTerms(question.text(), selection.terms());
        int common = (int) unknown.stream().filter(QueryTerms.QueryTerm::common).count();
        return new Evidence(named || facts ? 1 : contentCoverage(selection), (int) Math.min(2, shared),
                unknown.size() - common, common);
    }

    /**
     * Nouns the study never uses, such as "Bayern", "Paragraph", "ROI": what the question is about is not in the study,
     * however well its other words match. German nouns are capitalised; a capitalised word that does not start a
     * sentence, or an acronym, is taken as a noun. Lower-case words the study lacks ("schlau", "überhaupt") are
     * wording, not topic.
     */
    List<String> unknownFocusWords(String question, QueryTerms terms) {
        return unknownFocusTerms(question, terms).stream().map(QueryTerms.QueryTerm::word).toList();
    }

    private List<QueryTerms.QueryTerm> unknownFocusTerms(String question, QueryTerms terms) {
        return unknownWords.nouns(question, terms, UnknownWords.Form.QUESTION);
    }

    /** The best passage's share of the question's words, not counting lower-case words the study never uses. */
    static double contentCoverage(SourceSelector.Selection selection) {
        int all = selection.terms().terms().size();
        long filler = selection.terms().terms().stream()
                .filter(t -> !t.inIndex() && !t.word().isEmpty() && !Character.isUpperCase(t.word().charAt(0))).count();
        return all - filler <= 0 ? 0 : Math.min(1, selection.bestCoverage() * all / (all - filler));
    }

    /** The kind of detail outside the study's case profile the question asks for, if any ({@link NotReported}). */
    Optional<NotReported.Kind> notReported(AnalyzedQuestion question, SourceSelector.Selection selection) {
        return notReported.asked(question.text(), index.words(question.text()), selection.sources());
    }

    String text(AnalyzedQuestion question, Reason reason, List<String> suggestions) {
        return text(question, reason, suggestions, Optional.empty());
    }

    /** What the study leaves out (for a detail outside its profile: which kind, and what it describes instead). */
    String text(AnalyzedQuestion question, Reason reason, List<String> suggestions, Optional<NotReported.Kind> kind) {
        Language language = question.language();
        String statement = Texts.text(language, switch (reason) {
            case NO_AMOUNTS -> question.asks(Topic.GELDBETRAG) ? "abstention.no-amounts" : "abstention.no-rates";
            case NO_NAMES -> "abstention.no-names";
            case NOT_REPORTED -> kind.map(NotReported.Kind::text).orElse("abstention.out-of-domain");
            case OUT_OF_DOMAIN -> "abstention.out-of-domain";
        });
        StringBuilder text = new StringBuilder(statement);
        if (!suggestions.isEmpty()) {
            text.append("\n\n").append(Texts.text(language, "abstention.suggestions")).append('\n');
            suggestions.forEach(s -> text.append("- ").append(s).append('\n'));
        }
        return text.toString().strip();
    }

    /** Two or three questions the study answers, close to what was asked: its topic, the cases the search came near. */
    List<String> suggestions(AnalyzedQuestion question, SourceSelector.Selection selection) {
        return suggestions(question, selection, notReported(question, selection));
    }

    /** The same, with the kind of unreported detail already found ({@link #notReported}), not looked up again. */
    List<String> suggestions(AnalyzedQuestion question, SourceSelector.Selection selection, Optional<NotReported.Kind> kind) {
        Language language = question.language();
        Set<String> suggestions = new LinkedHashSet<>();
        List<CaseStudy> near = new ArrayList<>();
        selection.sources().stream().map(Source::caseStudy).filter(c -> c != null && !near.contains(c)).limit(2).forEach(near::add);
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("methodik"))
                .findFirst().orElse(null);
        for (CaseStudy c : near) {
            String who = c.id() + (c.branche() == null ? "" : " (" + c.branche() + ")");
            suggestions.add(topicQuestion(topic == null ? Topic.HERAUSFORDERUNGEN : topic, who, language));
            if (suggestions.size() == 2) break;
        }
        if (question.asks(Topic.GELDBETRAG)) {
            suggestions.add(Texts.text(language, "suggestion.cost-analysis"));
        } else if (kind.isPresent()) {
            // what the study does say about the kind of detail asked for
            suggestions.add(Texts.text(language, kind.get().suggestion()));
        }
        suggestions.add(Texts.text(language, "suggestion.success-factors"));
        suggestions.add(Texts.text(language, "suggestion.durations"));
        return suggestions.stream().limit(3).toList();
    }

    private static String topicQuestion(Topic topic, String who, Language language) {
        return Texts.text(language, switch (topic) {
            case ERFOLGSFAKTOREN -> "suggestion.case.success-factors";
            case TIPPS -> "suggestion.case.tips";
            case PROZESS -> "suggestion.case.steps";
            case DAUER -> "suggestion.case.duration";
            case ZIEL -> "suggestion.case.goals";
            default -> "suggestion.case.challenges";
        }, who);
    }
}
