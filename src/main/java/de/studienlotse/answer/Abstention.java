package de.studienlotse.answer;

import de.studienlotse.corpus.CaseStudy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides when the study does not cover a question, says so plainly and offers questions it can answer.
 * Two signals: the question's words barely occur in the study (out of domain), or it asks for a kind of answer the
 * study never gives (amounts of money, names of firms or people).
 */
@Component
class Abstention {

    /** An amount of money as it would be printed: "25.000 €", "3 Mio. Euro". The study contains none. */
    private static final Pattern MONEY = Pattern.compile("\\d[\\d.,]*\\s*(Mio\\.?|Tsd\\.?|Millionen)?\\s*(€|Euro|EUR)\\b");

    enum Reason { OUT_OF_DOMAIN, NO_AMOUNTS, NO_NAMES }

    private final AnswerProperties properties;

    Abstention(AnswerProperties properties) {
        this.properties = properties;
    }

    Optional<Reason> reason(AnalyzedQuestion question, SourceSelector.Selection selection) {
        if (question.asks(Topic.GELDBETRAG) && selection.sources().stream().noneMatch(s -> MONEY.matcher(s.passage().text()).find())) {
            return Optional.of(Reason.NO_AMOUNTS);
        }
        if (question.asks(Topic.NAME)) {
            return Optional.of(Reason.NO_NAMES);
        }
        boolean named = !question.caseIds().isEmpty();
        boolean facts = selection.sources().stream().anyMatch(s -> "eckdaten".equals(s.passage().sectionId()) && s.coverage() == 1.0);
        if (selection.terms().isEmpty() && !named || selection.sources().isEmpty()) {
            return Optional.of(Reason.OUT_OF_DOMAIN);
        }
        if (!named && !facts && selection.bestCoverage() < properties.minCoverage()) {
            return Optional.of(Reason.OUT_OF_DOMAIN);
        }
        return Optional.empty();
    }

    String text(AnalyzedQuestion question, Reason reason, List<String> suggestions) {
        boolean en = question.english();
        String statement = switch (reason) {
            case NO_AMOUNTS -> en
                    ? "The study gives no amounts of money: none of the 18 cases states costs, prices or budgets in euros."
                    : "Dazu nennt die Studie keine Zahlen: Kosten, Preise oder Budgets in Euro gibt keiner der 18 Fälle an.";
            case NO_NAMES -> en
                    ? "The study names no companies or people: the 18 cases are described only by activity and industry."
                    : "Die Studie nennt keine Namen von Unternehmen oder Personen: Die 18 Fälle sind nur nach Tätigkeit und Branche beschrieben.";
            case OUT_OF_DOMAIN -> en
                    ? "The study does not cover this. It describes how 18 small and medium-sized enterprises introduced AI in accounting, customer advice and capacity planning."
                    : "Dazu enthält die Studie keine Angaben. Sie beschreibt, wie 18 kleine und mittlere Unternehmen KI in Buchhaltung, Kundenberatung und Kapazitätsplanung eingeführt haben.";
        };
        StringBuilder text = new StringBuilder(statement);
        if (!suggestions.isEmpty()) {
            text.append("\n\n").append(en ? "Questions the study can answer:" : "Dazu kann ich Ihnen Auskunft geben:").append('\n');
            suggestions.forEach(s -> text.append("- ").append(s).append('\n'));
        }
        return text.toString().strip();
    }

    /** Two or three questions the study answers, close to what was asked: its topic, the cases the search came near. */
    List<String> suggestions(AnalyzedQuestion question, SourceSelector.Selection selection) {
        boolean en = question.english();
        Set<String> suggestions = new LinkedHashSet<>();
        List<CaseStudy> near = new ArrayList<>();
        selection.sources().stream().map(Source::caseStudy).filter(c -> c != null && !near.contains(c)).limit(2).forEach(near::add);
        Topic topic = question.topics().stream().filter(t -> t.sectionId() != null && !t.sectionId().equals("methodik"))
                .findFirst().orElse(null);
        for (CaseStudy c : near) {
            String who = c.id() + (c.branche() == null ? "" : " (" + c.branche() + ")");
            suggestions.add(topicQuestion(topic == null ? Topic.HERAUSFORDERUNGEN : topic, who, en));
            if (suggestions.size() == 2) break;
        }
        if (question.asks(Topic.GELDBETRAG)) {
            suggestions.add(en ? "Which companies ran a cost analysis before introducing AI?"
                    : "Welche Unternehmen haben vor der Einführung eine Kosten-Nutzen-Analyse gemacht?");
        }
        suggestions.add(en ? "Which success factors does the study name across all cases?"
                : "Welche Erfolgsfaktoren nennt die Studie über alle Fälle hinweg?");
        suggestions.add(en ? "How long did the introduction take in the cases?"
                : "Wie lange hat die Einführung in den Fällen gedauert?");
        return suggestions.stream().limit(3).toList();
    }

    private static String topicQuestion(Topic topic, String who, boolean en) {
        return switch (topic) {
            case ERFOLGSFAKTOREN -> en ? "What helped %s succeed?".formatted(who) : "Was hat bei %s zum Erfolg beigetragen?".formatted(who);
            case TIPPS -> en ? "Which tips does %s give?".formatted(who) : "Welche Tipps gibt %s anderen Unternehmen?".formatted(who);
            case PROZESS -> en ? "How did %s proceed step by step?".formatted(who) : "Wie ist %s bei der Einführung vorgegangen?".formatted(who);
            case DAUER -> en ? "How long did the introduction take at %s?".formatted(who) : "Wie lange hat die Einführung bei %s gedauert?".formatted(who);
            case ZIEL -> en ? "What was %s aiming for?".formatted(who) : "Welche Ziele verfolgte %s?".formatted(who);
            default -> en ? "Which challenges did %s face?".formatted(who) : "Welche Herausforderungen gab es bei %s?".formatted(who);
        };
    }
}
