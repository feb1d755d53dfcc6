package de.studienlotse.corpus;

/**
 * One citable unit of the study: a single best practice, process step, quote, fact or paragraph.
 *
 * @param id        stable id such as {@code B4.erfolgsfaktoren.2} or {@code fazit.3} (1-based position in its section)
 * @param caseId    the case (B1..P4), or {@code null} for study-level text
 * @param sectionId section id, e.g. {@code erfolgsfaktoren}, {@code prozess}, {@code methodik}
 * @param label     the bold label ("Transparente Kommunikation"), step title ("Schritt 2: Marktanalyse"), or {@code null}
 * @param text      the verbatim text of the brochure (markup removed), never blank
 */
public record Passage(String id, String caseId, String sectionId, String label, String text, PassageKind kind) {

    public Passage {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (sectionId == null || sectionId.isBlank()) throw new IllegalArgumentException("sectionId must not be blank");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("text must not be blank: " + id);
        if (kind == null) throw new IllegalArgumentException("kind must not be null: " + id);
    }

    /** "Label: text", or the text alone: how the passage reads when quoted. */
    public String labelled() {
        return label == null || label.equals(text) ? text : label + ": " + text;
    }
}
