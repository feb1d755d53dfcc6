package de.studienlotse.search;

/**
 * One of the study's concepts ({@code concepts/konzepte.tsv}): a category of Tabelle 1 or 2 ("Akzeptanz") or a finer
 * topic the cases discuss ("Ängste Stellenabbau", "Schrittweise Einführung", "Betriebsrat").
 *
 * @param id       stable id, e.g. {@code aengste-jobverlust}, {@code t1-akzeptanz}
 * @param nameDe   the study's wording
 * @param nameEn   the English name
 * @param category the Tabelle 1/2 category it belongs to ({@code t1-aengste-unsicherheiten}), or {@code null}
 * @param kind     challenge, success factor, topic or the study itself
 */
public record Concept(String id, String nameDe, String nameEn, String category, Kind kind) {

    public enum Kind { HERAUSFORDERUNG, ERFOLGSFAKTOR, THEMA, STUDIE }

    public Concept {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (kind == null) throw new IllegalArgumentException("kind must not be null: " + id);
    }
}
