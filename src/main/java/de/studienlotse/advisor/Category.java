package de.studienlotse.advisor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A category of the study's aggregated tables, spelled as printed: Tabelle 1 groups the cases' challenges
 * (Herausforderungen), Tabelle 2 their success factors (Erfolgsfaktoren). "Technologie und Infrastruktur" exists in
 * both tables as two categories.
 */
public enum Category {

    // Tabelle 1, in printed order
    T1_TECHNOLOGIE(Table.HERAUSFORDERUNGEN, "Technologie und Infrastruktur"),
    T1_AKZEPTANZ(Table.HERAUSFORDERUNGEN, "Akzeptanz"),
    T1_ORGANISATORISCHES(Table.HERAUSFORDERUNGEN, "Organisatorisches und Projektstruktur"),
    T1_RESSOURCEN(Table.HERAUSFORDERUNGEN, "Fehlende Ressourcen"),
    T1_AENGSTE(Table.HERAUSFORDERUNGEN, "Ängste und Unsicherheiten"),
    T1_DATENSCHUTZ(Table.HERAUSFORDERUNGEN, "Datenschutz"),
    T1_KOMMUNIKATION(Table.HERAUSFORDERUNGEN, "Kommunikation"),
    // Tabelle 2, in printed order
    T2_KOMMUNIKATION(Table.ERFOLGSFAKTOREN, "Kommunikation & Zusammenarbeit"),
    T2_RESSOURCEN(Table.ERFOLGSFAKTOREN, "Ressourcen bereitstellen"),
    T2_ORGANISATORISCHES(Table.ERFOLGSFAKTOREN, "Organisatorisches"),
    T2_TECHNOLOGIE(Table.ERFOLGSFAKTOREN, "Technologie und Infrastruktur"),
    T2_MOTIVATION(Table.ERFOLGSFAKTOREN, "Motivation und Interesse"),
    T2_VISION(Table.ERFOLGSFAKTOREN, "Vision und Zielorientierung"),
    T2_NUTZER(Table.ERFOLGSFAKTOREN, "Fokus auf Nutzerinteressen"),
    T2_EXTERN(Table.ERFOLGSFAKTOREN, "Externen Dienstleister hinzuziehen");

    private final Table table;
    private final String label;

    Category(Table table, String label) {
        this.table = table;
        this.label = label;
    }

    public Table table() {
        return table;
    }

    /** As printed in the table, e.g. "Fehlende Ressourcen". */
    public String label() {
        return label;
    }

    public static List<Category> of(Table table) {
        return Arrays.stream(values()).filter(c -> c.table == table).toList();
    }

    public static Optional<Category> find(Table table, String label) {
        return of(table).stream().filter(c -> c.label.equals(label)).findFirst();
    }

    /** The two aggregated tables, with the case section whose items they count. */
    public enum Table {
        HERAUSFORDERUNGEN("tabelle-1", "herausforderungen", "Tabelle 1: Herausforderungen"),
        ERFOLGSFAKTOREN("tabelle-2", "erfolgsfaktoren", "Tabelle 2: Erfolgsfaktoren");

        private final String studySection;
        private final String caseSection;
        private final String title;

        Table(String studySection, String caseSection, String title) {
            this.studySection = studySection;
            this.caseSection = caseSection;
            this.title = title;
        }

        /** The study section holding the printed table: {@code tabelle-1} or {@code tabelle-2}. */
        public String studySection() {
            return studySection;
        }

        /** The case section whose items the table counts: {@code herausforderungen} or {@code erfolgsfaktoren}. */
        public String caseSection() {
            return caseSection;
        }

        public String title() {
            return title;
        }

        public static Optional<Table> ofCaseSection(String sectionId) {
            return Arrays.stream(values()).filter(t -> t.caseSection.equals(sectionId)).findFirst();
        }
    }
}
