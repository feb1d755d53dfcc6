package de.studienlotse.answer;

import de.studienlotse.search.AnalyzedWord;
import de.studienlotse.search.PassageIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kinds of detail the study does not report. The method section says what was collected for every case (interview
 * guide, brochure lines 219-250; "Vorgehen Auswertung", line 255: a one-page profile of goals, steps, challenges,
 * success factors and tips, with the facts box of duration, works council and external help); a question that asks
 * for a detail outside that profile (an amount in euros, a region, legal advice, a date or forecast, a key figure) is
 * answered with what the study leaves out and what it describes instead, not with passages that merely share its
 * words. The words of each kind are in {@code answer/nicht-berichtet.tsv}, each naming the brochure line that shows
 * the gap, matched on analysed whole words and compound heads ({@link QuestionCues}), and none of them a word of the
 * study's own text (checked by a test): a word the study uses may be what it reports.
 * <p>
 * A kind with a form of its own ({@link Kind#printed}) only counts when none of the sources prints such a detail:
 * "um wie viel Prozent" is answered where a passage gives a percentage.
 */
final class NotReported {

    static final String WORDS = "answer/nicht-berichtet.tsv";

    /** What the study leaves out, with the form a passage that did report it would print, if any. */
    enum Kind {
        /** Amounts of money: the study prints none (brochure line 239 asks about "finanzielle Aspekte" only). */
        BETRAG("abstention.no-amounts", "suggestion.cost-analysis", Pattern.compile("\\d[\\d.,]*\\s*(Mio\\.?|Tsd\\.?|Millionen)?\\s*(€|Euro|EUR)\\b")),
        /** Percentages, quotas and returns of a case: the profile holds none, one case aside (P4's "99%"). */
        KENNZAHL("not-reported.kennzahl", "suggestion.not-reported.kennzahl", Pattern.compile("\\d+\\s*(%|Prozent)")),
        /** Bundesländer, cities, sites: only Abbildung 1 (line 211), an image, shows the Länder of the sample. */
        REGION("not-reported.region", "suggestion.not-reported.region", null),
        /** Legal advice: the guide asks for legal conditions only as a challenge (line 239). */
        RECHT("not-reported.recht", "suggestion.not-reported.recht", null),
        /** Dates and forecasts: the Ausblick (lines 125-131) names the next topic, no date; the only date is "Mai 2025". */
        TERMIN("not-reported.termin", "suggestion.not-reported.termin", Pattern.compile("(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}")),
        /** Figures of a firm: staff numbers, turnover; the sample's sizes are given in classes only (lines 183-195). */
        FIRMENDATEN("not-reported.firmendaten", "suggestion.not-reported.firmendaten", null);

        private final String text;
        private final String suggestion;
        private final Pattern printed;

        Kind(String text, String suggestion, Pattern printed) {
            this.text = text;
            this.suggestion = suggestion;
            this.printed = printed;
        }

        /** The key of the answer's text: which detail the study leaves out, and what it describes instead. */
        String text() {
            return text;
        }

        /** The key of a question the study does answer about it. */
        String suggestion() {
            return suggestion;
        }

        /** Whether a passage prints such a detail, so the study does report it there. */
        boolean printedIn(String text) {
            return printed != null && printed.matcher(text).find();
        }
    }

    private final QuestionCues<Kind> cues;

    NotReported(PassageIndex index) {
        Map<Kind, List<String>> phrases = new LinkedHashMap<>();
        for (String[] row : rows()) {
            phrases.computeIfAbsent(Kind.valueOf(row[0]), k -> new ArrayList<>()).add(row[1]);
        }
        this.cues = QuestionCues.of(index, phrases);
    }

    /** The rows of {@value #WORDS}: kind, phrase, language, source (the brochure line or OpenThesaurus synset). */
    static List<String[]> rows() {
        return QuestionCues.rows(WORDS);
    }

    /**
     * The kind of detail the question asks for that the study does not report, unless one of the sources prints it.
     */
    Optional<Kind> asked(String text, List<AnalyzedWord> words, List<Source> sources) {
        List<Kind> found = new ArrayList<>(cues.matchInOrder(words));
        // "§ 87 BetrVG": a paragraph sign asks for the law itself; the analyser drops it, so it is read as typed
        if (text.indexOf('§') >= 0 && !found.contains(Kind.RECHT)) {
            found.add(Kind.RECHT);
        }
        return found.stream().filter(kind -> sources.stream().noneMatch(s -> kind.printedIn(s.passage().text())))
                .findFirst();
    }
}
