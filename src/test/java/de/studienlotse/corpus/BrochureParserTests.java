package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BrochureParserTests {

    static final Path BROCHURE = Path.of("corpus/studie-02-best-practices-ki-kmu.txt");
    static String text;
    static Study study;

    @BeforeAll
    static void parse() throws IOException {
        text = Files.readString(BROCHURE);
        study = BrochureParser.parse(text);
    }

    @Nested
    class Golden {

        /** id | Tätigkeit | Branche | KI-Anwendung | Dauer, as printed in the brochure. */
        static final String CASES = """
                B1|Buchhaltung|Außenhandel|Automatisierte Datenverarbeitung im Personalwesen|9 Monate
                B2|Buchhaltung|Konsumgüter|Prozessautomatisierung im Vertrieb und Einkauf|4 Wochen
                B3|Buchhaltung|Finanzbranche|Automatisierte Datenprüfung im Finanzwesen|2 Jahre pro Modul
                B4|Buchhaltung|E-Commerce|Automatisierte Rechnungsverarbeitung|2-3 Jahre
                B5|Buchhaltung|Logistik|Automatisierter Workflow zur Bearbeitung von Eingangsrechnungen|3-4 Monate
                B6|Buchhaltung|IT-Dienstleistungen|Automatisierte Rechnungsverarbeitung|6 Monate
                B7|Buchhaltung|Gesundheitswesen|Automatisierte Rechnungsverarbeitung|ca. 3 Monate
                K1|Kundenberatung|Web-Dienstleistungen|Automatisierte Projektplanung|3-4 Wochen
                K2|Kundenberatung|Softwareentwicklung|Automatisierte Protokollerstellung|2 Wochen
                K3|Kundenberatung|Finanzdienstleistung|Assistenzlösung für E-Mail-Management und Terminvergabe|9 Monate
                K4|Kundenberatung|Healthcare|Automatisierte Ticketbearbeitung nach ITEL-Framework|6 Monate
                K5|Kundenberatung|Informationstechnologie|Automatisierte Erstellung von E-Learnings|3,5 Monate
                K6|Kundenberatung|Finanzen/Versicherungen|LLM-basierte Unterstützung für Büroaufgaben|ca. 18 Monate inkl. Testphase
                K7|Kundenberatung|Innovationsagentur|Text-, Bild-, Videogenerierung|mehrere Monate
                P1|Kapazitätsplanung|Ingenieurdienstleistungen|KI gestützte Kapazitäts- und Ressourcenplanung|5-6 Monate, bis jedoch alles produktiv läuft ca. 2 Jahre
                P2|Kapazitätsplanung|Elektromobilität|Automatisierung von Analyse- und Planungsprozessen mit Dynamics 365|6 Monate
                P3|Kapazitätsplanung|Telekommunikation|Auswertung von Kunden- und Nutzungsdaten zur Kapazitätsplanung|12 Monate
                P4|Kapazitätsplanung||Automatisierte Auswahl von Versanddienstleistern|6 Monate
                """;

        /** Passages per case and section (beschreibung ziel interaktion prozess eckdaten herausforderungen zusammenarbeit erfolgsfaktoren tipps zitat). */
        static final String COUNTS = """
                B1 1 1 1 3 3 4 0 5 2 1
                B2 1 1 1 3 2 3 0 3 3 1
                B3 1 1 1 5 5 3 0 5 4 0
                B4 1 1 1 5 2 4 0 3 4 0
                B5 1 1 2 5 2 3 2 3 3 0
                B6 1 1 2 4 2 3 1 5 2 0
                B7 1 1 2 5 2 2 0 3 4 0
                K1 1 1 2 5 3 2 0 2 2 1
                K2 1 1 1 3 3 2 0 8 2 2
                K3 1 1 1 4 3 1 0 4 3 2
                K4 1 1 2 5 3 3 0 3 3 1
                K5 1 1 2 5 2 3 1 4 3 0
                K6 1 1 2 5 3 2 1 5 1 0
                K7 1 1 2 5 3 4 2 4 2 0
                P1 1 1 2 5 2 5 1 4 1 0
                P2 1 1 2 5 3 5 1 5 4 0
                P3 1 1 2 4 3 2 1 4 2 0
                P4 1 1 2 4 2 2 1 6 1 0
                """;

        @Test
        void should_find_the_18_cases_with_their_facts_in_order() {
            List<String> actual = study.cases().stream()
                    .map(c -> String.join("|", c.id(), c.activity().label(), c.branche() == null ? "" : c.branche(),
                            c.application(), c.facts().duration()))
                    .toList();

            assertThat(actual).containsExactlyElementsOf(CASES.lines().toList());
        }

        @Test
        void should_split_every_case_into_the_printed_number_of_passages_per_section() {
            List<String> actual = study.cases().stream()
                    .map(c -> c.id() + " " + Study.CASE_SECTIONS.stream()
                            .map(s -> String.valueOf(c.section(s).map(x -> x.passages().size()).orElse(0)))
                            .collect(Collectors.joining(" ")))
                    .toList();

            assertThat(actual).containsExactlyElementsOf(COUNTS.lines().toList());
        }

        @Test
        void should_read_the_check_mark_facts() {
            Map<String, CaseFacts> facts = new LinkedHashMap<>();
            study.cases().forEach(c -> facts.put(c.id(), c.facts()));

            assertThat(facts.get("B1").externalSupport()).isFalse();
            assertThat(facts.get("B2").externalSupport()).isTrue();
            assertThat(facts.get("K2").externalSupport()).isFalse();
            assertThat(facts.get("P3").externalSupport()).isTrue();
            assertThat(facts.get("B4").externalSupport()).isNull();
            assertThat(study.cases().stream().filter(c -> Boolean.TRUE.equals(c.facts().worksCouncil()))
                    .map(CaseStudy::id)).containsExactly("B3", "K6", "K7", "P3");
            assertThat(facts.get("P1").worksCouncil()).isFalse();
            assertThat(facts.get("B3").documentation()).isTrue();
            assertThat(facts.get("B3").guideline()).isTrue();
            assertThat(facts.get("B1").furtherApplications()).isEqualTo("5 KI-Anwendungen implementiert");
        }

        @Test
        void should_sort_process_steps_printed_out_of_order() {
            assertThat(labels("B3", "prozess")).startsWith("Schritt 1: Politische Entscheidung & strategische Weichenstellung",
                    "Schritt 2: Anforderungsaufnahme & technische Vorbereitung", "Schritt 3: Modulentwicklung & Pilotphasen",
                    "Schritt 4: Stufenweiser Rollout").endsWith("Begleitende Transformationsmaßnahmen");
            assertThat(labels("B7", "prozess")).containsExactly("Schritt 1: Bedarfsermittlung",
                    "Schritt 2: Anbietersauswahl", "Schritt 3: Kaufentscheidung", "Schritt 4: Implementierung & Datenimport",
                    "Schritt 5: Schulung & Einführung");
            assertThat(study.passage("B7.prozess.2").orElseThrow().text()).startsWith("Vergleich verschiedener Anbieter");
        }

        @Test
        void should_give_each_best_practice_a_stable_id_and_label() {
            Passage passage = study.passage("B4.erfolgsfaktoren.2").orElseThrow();

            assertThat(passage.label()).isEqualTo("Persönliche Gespräche, Schulungen");
            assertThat(passage.text()).startsWith("Gespräche und gezielte Schulungen");
            assertThat(passage.kind()).isEqualTo(PassageKind.BEST_PRACTICE);
            assertThat(study.passage("K7.herausforderungen.1").orElseThrow().label())
                    .isEqualTo("In der Pilotphase – Skepsis im Team und bei Kunden");
            assertThat(study.passage("K1.erfolgsfaktoren.1").orElseThrow().label()).isEqualTo("Trial and Error");
            assertThat(study.passage("K5.tipps.1").orElseThrow().labelled()).isEqualTo("Enge, regelmäßige Abstimmung: Im kleinen Team");
        }

        @Test
        void should_keep_quotes_as_passages_including_the_one_printed_in_two_cases() {
            assertThat(study.passage("B1.zitat.1").orElseThrow().text())
                    .isEqualTo(study.passage("K1.zitat.1").orElseThrow().text())
                    .startsWith("\"Spielt mit offenen Karten");
            assertThat(study.passage("P4.tipps.1").orElseThrow().kind()).isEqualTo(PassageKind.QUOTE);
        }

        @Test
        void should_split_the_study_level_text_into_its_sections() {
            assertThat(study.studySections().stream().map(Section::id)).containsExactlyElementsOf(Study.STUDY_SECTIONS);
            assertThat(study.studySections()).allSatisfy(s -> assertThat(s.passages()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.caseId()).isNull()));
            assertThat(study.passage("tabelle-1.1").orElseThrow().text()).startsWith("In der vorliegenden Studie");
            assertThat(study.studySection("tabelle-1").orElseThrow().passages()).extracting(Passage::label)
                    .contains("Technologie und Infrastruktur (14 Nennungen)", "Akzeptanz (13 Nennungen)");
            assertThat(study.studySection("tabelle-2").orElseThrow().passages()).extracting(Passage::label)
                    .contains("Kommunikation & Zusammenarbeit (17 Nennungen)");
        }

        @Test
        void should_label_the_unlabelled_per_activity_counts_with_their_category() {
            Passage row = study.studySection("tabelle-1").orElseThrow().passages().stream()
                    .filter(p -> p.label() != null && p.label().startsWith("Akzeptanz: Nennungen je Tätigkeit"))
                    .findFirst().orElseThrow();

            assertThat(row.text()).startsWith("5 | 5 | 3");
        }

        private List<String> labels(String caseId, String section) {
            return study.caseById(caseId).orElseThrow().section(section).orElseThrow().passages().stream()
                    .map(Passage::label).toList();
        }
    }

    @Nested
    class NoTextLost {

        @Test
        void should_place_every_line_of_the_brochure_in_some_passage_or_case_field() {
            String landed = squash(everythingTheModelHolds());
            List<String> lost = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (line.isBlank() || BrochureParser.isIgnored(line)) {
                    continue;
                }
                String squashed = squash(BrochureParser.clean(line));
                if (!squashed.isEmpty() && !landed.contains(squashed)) {
                    lost.add(line);
                }
            }

            assertThat(lost).isEmpty();
        }

        @Test
        void should_keep_the_ignore_list_short_and_about_layout_only() {
            long ignored = text.lines().filter(l -> !l.isBlank() && BrochureParser.isIgnored(l)).count();

            assertThat(BrochureParser.IGNORED).hasSizeLessThan(20);
            assertThat(ignored).isLessThan(80);
        }

        private String everythingTheModelHolds() {
            StringBuilder all = new StringBuilder();
            for (CaseStudy c : study.cases()) {
                all.append("Branche: ").append(c.branche()).append(" | Tätigkeit: ").append(c.activity().label())
                        .append(" KI-Anwendung: ").append(c.application()).append('\n');
                c.sections().forEach(s -> all.append(s.title()).append('\n'));
                c.facts().printed().forEach(f -> all.append(f).append('\n'));
            }
            study.studySections().forEach(s -> all.append(s.title()).append('\n'));
            for (Passage p : study.passages()) {
                all.append(p.label()).append(' ').append(p.text()).append('\n');
            }
            return all.toString();
        }

        /** Letters and digits only: line breaks, markup and spacing differ between source and model. */
        private String squash(String s) {
            return s.replace("&amp;", "&").replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase();
        }
    }
}
