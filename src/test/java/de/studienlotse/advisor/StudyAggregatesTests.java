package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.studienlotse.advisor.StudyAggregates.ActivityCount;
import de.studienlotse.advisor.StudyAggregates.CategoryCounts;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StudyAggregatesTests {

    private final StudyAggregates aggregates = StudyAggregates.compute(Fixtures.study(), Fixtures.mapping());

    @Nested
    class Computed_counts_equal_hand_counts {

        // Counted by hand from the brochure's text, item by item (Buchhaltung | Kundenberatung | Kapazitätsplanung):

        @Test
        void should_count_datenschutz_challenges() {
            // B3 "Datenschutz & technische Einschränkungen", B7 "Sensiblen Personaldaten" | K2 "Rechtliche Vorgaben",
            // K3 "Fragen zum Datenschutz", K7 "DSGVO- Problematik" | none in Kapazitätsplanung
            CategoryCounts counts = counts(Category.T1_DATENSCHUTZ);

            assertThat(numbers(counts)).containsExactly(2, 3, 0);
            assertThat(ids(counts, 0)).containsExactly("B3.herausforderungen.1", "B7.herausforderungen.1");
            assertThat(ids(counts, 1)).containsExactly("K2.herausforderungen.1", "K3.herausforderungen.1", "K7.herausforderungen.3");
            assertThat(counts.total().computed()).isEqualTo(5);
        }

        @Test
        void should_count_kommunikation_challenges() {
            // B4 "Kommunikation" (IT und Buchhaltung) | – | P3 "Kommunikation" (zwischen den Teams)
            CategoryCounts counts = counts(Category.T1_KOMMUNIKATION);

            assertThat(numbers(counts)).containsExactly(1, 0, 1);
            assertThat(ids(counts, 2)).containsExactly("P3.herausforderungen.2");
        }

        @Test
        void should_count_missing_resources_with_items_that_name_two_themes() {
            // B3 "Ressourcen & Ausfälle", B5 "Anfangs fehlendes Fachwissen" | K2 "Regulierung und geringe
            // Investitionsbereitschaft", K5 "Hoher Einarbeitungsaufwand", K5 "Begrenzte personelle Ressourcen" |
            // P1 "Zeitmangel & fehlende Priorität", P2 "Fehlende Erfahrung"
            CategoryCounts counts = counts(Category.T1_RESSOURCEN);

            assertThat(numbers(counts)).containsExactly(2, 3, 2);
            assertThat(counts.total()).isEqualTo(new StudyAggregates.Count(7, 7));
        }

        @Test
        void should_count_external_providers_among_success_factors() {
            // B2 "Externer Dienstleister", B5 "Enge Zusammenarbeit mit einem erfahrenen IT-Partner" |
            // K3 "Externer Dienstleister" | P3 "Unterstützung dazu holen"
            CategoryCounts counts = counts(Category.T2_EXTERN);

            assertThat(numbers(counts)).containsExactly(2, 1, 1);
            assertThat(counts.byTaetigkeit().get(0).cases()).isEqualTo(2);
        }

        @Test
        void should_count_fears_and_uncertainties() {
            // B1 "Ängste Stellenabbau" | K6 "Fehlende Bereitschaft" | P1 "Ängste Stellenabbau", P3 "Skepsis und Sorge"
            assertThat(numbers(counts(Category.T1_AENGSTE))).containsExactly(1, 1, 2);
        }
    }

    @Nested
    class Printed_numbers {

        @Test
        void should_read_the_printed_totals_and_rows() {
            CategoryCounts akzeptanz = counts(Category.T1_AKZEPTANZ);

            assertThat(akzeptanz.total().printed()).isEqualTo(13);
            assertThat(akzeptanz.tablePassageId()).isEqualTo("tabelle-1.7");
            assertThat(akzeptanz.rowPassageId()).isEqualTo("tabelle-1.14");
            assertThat(akzeptanz.byTaetigkeit()).extracting(ActivityCount::printed).containsExactly(5, 5, 3);
        }

        @Test
        void should_list_every_cell_that_differs_and_only_those() {
            List<StudyAggregates.Difference> differences = aggregates.differences();

            assertThat(differences).allSatisfy(d -> assertThat(d.computed()).isNotEqualTo(d.printed()));
            assertThat(differences).anySatisfy(d -> {
                assertThat(d.category()).isEqualTo("Datenschutz");
                assertThat(d.taetigkeit()).isEqualTo("Kundenberatung");
                assertThat(d.computed()).isEqualTo(3);
                assertThat(d.printed()).isEqualTo(2);
                assertThat(d.byReading()).containsExactly("K2.herausforderungen.1");
            });
            long cells = aggregates.tables().stream().flatMap(t -> t.categories().stream())
                    .flatMap(c -> c.byTaetigkeit().stream()).filter(a -> a.printed() != a.computed()).count();
            assertThat(differences).hasSize((int) cells);
        }

        @Test
        void should_agree_with_the_printed_table_in_kapazitaetsplanung() {
            // every Kapazitätsplanung cell of both tables matches the brochure
            assertThat(aggregates.differences()).noneMatch(d -> d.taetigkeit().equals("Kapazitätsplanung"));
        }
    }

    @Nested
    class Mapping_file {

        @Test
        void should_refuse_an_item_without_category() {
            String withoutB1 = AdvisorConfiguration.read(AdvisorConfiguration.MAPPING)
                    .replace("B1.herausforderungen.1\tÄngste und Unsicherheiten", "# removed");

            assertThatThrownBy(() -> CategoryMapping.parse(withoutB1, Fixtures.study()))
                    .hasMessageContaining("no category for B1.herausforderungen.1");
        }

        @Test
        void should_refuse_a_category_of_the_other_table() {
            String wrong = "B1.herausforderungen.1\tMotivation und Interesse\tlesart\tx\n";

            assertThatThrownBy(() -> CategoryMapping.parse(wrong, Fixtures.study()))
                    .hasMessageContaining("Tabelle 1: Herausforderungen has no category \"Motivation und Interesse\"");
        }

        @Test
        void should_give_every_challenge_and_success_factor_a_category() {
            Fixtures.study().cases().forEach(c -> c.passages().stream()
                    .filter(p -> p.sectionId().equals("herausforderungen") || p.sectionId().equals("erfolgsfaktoren"))
                    .forEach(p -> assertThat(Fixtures.mapping().categoriesOf(p.id())).as(p.id()).isNotEmpty()));
        }
    }

    private CategoryCounts counts(Category category) {
        return aggregates.category(category).orElseThrow();
    }

    private static List<String> ids(CategoryCounts counts, int activity) {
        return counts.byTaetigkeit().get(activity).items().stream().map(StudyAggregates.ItemRef::passageId).toList();
    }

    private static List<Integer> numbers(CategoryCounts counts) {
        return counts.byTaetigkeit().stream().map(ActivityCount::computed).toList();
    }
}
