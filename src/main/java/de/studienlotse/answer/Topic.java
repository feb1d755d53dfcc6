package de.studienlotse.answer;

import java.util.List;

/**
 * What a question asks about. Topics map to the sections of a case ({@code herausforderungen}, {@code tipps}, ...) or
 * to the structured facts (duration, works council, external help); their cue words are in
 * {@code answer/fragewoerter.tsv}, matched on analysed words by {@link QuestionAnalyzer}.
 */
enum Topic {
    HERAUSFORDERUNGEN("herausforderungen", List.of("tabelle-1", "zusammenfassung", "fazit")),
    ERFOLGSFAKTOREN("erfolgsfaktoren", List.of("tabelle-2", "zusammenfassung", "fazit")),
    TIPPS("tipps", List.of("fazit")),
    PROZESS("prozess"),
    DAUER("eckdaten"),
    BETRIEBSRAT("eckdaten"),
    EXTERN("eckdaten"),
    ZIEL("ziel", List.of("ergebnisse", "zielstellung")),
    INTERAKTION("interaktion"),
    BESCHREIBUNG("beschreibung"),
    ZITAT("zitat"),
    ZUSAMMENARBEIT("zusammenarbeit"),
    ANZAHL("methodik"),
    /** Asks about the study as a whole: what was named most often, across all cases. */
    UEBERBLICK(null),
    /**
     * Asks about the study itself: who made or funded it, how it was done (interviews, sample, guide), its aims,
     * results and conclusion. Kept by {@link QuestionAnalyzer} only when the question names no case and no Tätigkeit
     * and the study's own text holds more of it than any case does; then answered from the study's own text.
     */
    STUDIE(null),
    /** Asks for an amount of money: the study names no prices or budgets. */
    GELDBETRAG(null),
    /** Asks for a company's or person's name: the study is anonymised. */
    NAME(null);

    private final String sectionId;
    private final List<String> studySections;

    Topic(String sectionId) {
        this(sectionId, List.of());
    }

    Topic(String sectionId, List<String> studySections) {
        this.sectionId = sectionId;
        this.studySections = studySections;
    }

    /** The case section this topic is answered from; {@code null} for topics the study never answers. */
    String sectionId() {
        return sectionId;
    }

    /** Study-level sections that speak about this topic across all cases (Tabelle 1 for challenges, ...). */
    List<String> studySections() {
        return studySections;
    }

    /** Topics answered from structured facts rather than from retrieved prose. */
    static final List<Topic> FACTS = List.of(DAUER, BETRIEBSRAT, EXTERN);
}
