package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** The case reader on one small case written the way the brochure prints its cases. */
class CaseReaderTests {

    static final String CASE = """
            ## Best Practice zur KI-Einführung in einem KMU

            Branche: Logistik | Tätigkeit: Buchhaltung

            KI-Anwendung: Automatisierte Rechnungsprüfung

            Beschreibung:

            Eine KI liest eingehende Rechnungen und prüft sie gegen Bestellungen.

            #### Prozess | KI-Einführung

            #### Schritt 2: Test

            Die Anwendung wurde drei Monate mit echten Rechnungen getestet.

            Schritt 1: Auswahl Angebote von drei Anbietern wurden verglichen.

            ☒ Externe Unterstützung

            ☐ Betriebsrat eingebunden

            Dauer der Einführung:

            4 Monate

            #### Herausforderungen | KI-Einführung

            #### In der Pilotphase:

            Skepsis im Team: Nicht alle sahen den Nutzen.

            #### Externe Unterstützung:

            Ein Dienstleister richtete die Software ein.

            #### Erfolgsfaktoren | KI-Einführung

            **Offene Kommunikation:** Das Team wurde von Anfang an informiert.

            Feedbackrunden: Regelmäßig durchführen.

            ### Fazit

            Die Studie zeigt, dass kleine Schritte die Einführung erleichtern.
            """;

    final Study study = BrochureParser.parse(CASE);
    final CaseStudy theCase = study.cases().getFirst();

    @Test
    void should_read_the_header_and_number_the_case_by_its_activity() {
        assertThat(study.cases()).hasSize(1);
        assertThat(theCase.id()).isEqualTo("B1");
        assertThat(theCase.activity()).isEqualTo(Activity.BUCHHALTUNG);
        assertThat(theCase.branche()).isEqualTo("Logistik");
        assertThat(theCase.application()).isEqualTo("Automatisierte Rechnungsprüfung");
        assertThat(study.passage("B1.beschreibung.1").orElseThrow().text())
                .isEqualTo("Eine KI liest eingehende Rechnungen und prüft sie gegen Bestellungen.");
    }

    @Test
    void should_sort_steps_and_give_a_step_heading_the_next_paragraph_as_body() {
        assertThat(theCase.section("prozess").orElseThrow().passages()).extracting(Passage::labelled).containsExactly(
                "Schritt 1: Auswahl Angebote von drei Anbietern wurden verglichen.",
                "Schritt 2: Test: Die Anwendung wurde drei Monate mit echten Rechnungen getestet.");
    }

    @Test
    void should_read_check_marks_and_a_duration_printed_below_its_label_as_facts() {
        CaseFacts facts = theCase.facts();

        assertThat(facts.duration()).isEqualTo("4 Monate");
        assertThat(facts.externalSupport()).isTrue();
        assertThat(facts.worksCouncil()).isFalse();
        assertThat(facts.documentation()).isNull();
        assertThat(facts.printed()).containsExactly("☒ Externe Unterstützung", "☐ Betriebsrat eingebunden");
        assertThat(theCase.section("eckdaten").orElseThrow().passages()).extracting(Passage::labelled).containsExactly(
                "Externe Unterstützung", "Nicht angekreuzt: Betriebsrat eingebunden", "Dauer der Einführung: 4 Monate");
    }

    @Test
    void should_prefix_grouped_items_and_join_a_label_heading_with_its_paragraph() {
        assertThat(theCase.section("herausforderungen").orElseThrow().passages()).extracting(Passage::labelled)
                .containsExactly("In der Pilotphase – Skepsis im Team: Nicht alle sahen den Nutzen.",
                        "Externe Unterstützung: Ein Dienstleister richtete die Software ein.");
    }

    @Test
    void should_read_bold_and_plain_label_items_as_single_best_practices() {
        assertThat(theCase.section("erfolgsfaktoren").orElseThrow().passages())
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo(PassageKind.BEST_PRACTICE))
                .extracting(Passage::id, Passage::label)
                .containsExactly(tuple("B1.erfolgsfaktoren.1", "Offene Kommunikation"),
                        tuple("B1.erfolgsfaktoren.2", "Feedbackrunden"));
    }

    @Test
    void should_end_the_case_at_a_study_heading() {
        Passage conclusion = study.passage("fazit.1").orElseThrow();

        assertThat(conclusion.caseId()).isNull();
        assertThat(conclusion.text()).startsWith("Die Studie zeigt");
        assertThat(theCase.passages()).noneMatch(p -> p.text().startsWith("Die Studie zeigt"));
    }
}
