package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.studienlotse.advisor.Brief.Item;
import de.studienlotse.advisor.Brief.Kind;
import de.studienlotse.answer.Citation;
import de.studienlotse.corpus.Passage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class BriefAssemblerTests {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final ConcernMatcher concerns = new ConcernMatcher(Fixtures.study(), Fixtures.index(), Fixtures.mapping());
    private final BriefAssembler assembler = new BriefAssembler(Fixtures.study(), Fixtures.index(), Fixtures.mapping(),
            concerns, StudyAggregates.compute(Fixtures.study(), Fixtures.mapping()));

    @Nested
    class Similar_cases {

        @Test
        void should_put_buchhaltung_cases_first_for_a_firm_that_wants_ai_in_buchhaltung() {
            // given
            ClientProfile firm = new ClientProfile("Steuerberatung", "12 Mitarbeitende", "Buchhaltung",
                    List.of("Datenschutz", "Akzeptanz im Team"), null);

            // when
            Brief brief = assembler.assemble(firm, NOW);

            // then
            List<String> cases = caseIds(brief);
            assertThat(cases).hasSizeBetween(2, 4).allMatch(id -> id.startsWith("B"));
            assertThat(items(brief, Kind.FALL)).allSatisfy(i -> assertThat(i.text()).contains("gleiche Tätigkeit (Buchhaltung)"));
            // the other sections draw on the similar cases only
            assertThat(items(brief, Kind.ERFOLGSFAKTOR)).extracting(Item::caseId).allMatch(cases::contains);
            assertThat(items(brief, Kind.HERAUSFORDERUNG)).extracting(Item::caseId).allMatch(cases::contains);
        }

        @Test
        void should_rank_the_related_branche_first_within_the_activity() {
            Brief brief = assembler.assemble(new ClientProfile("Logistikunternehmen", null, "Buchhaltung", List.of(), null), NOW);

            assertThat(caseIds(brief).getFirst()).isEqualTo("B5");
            assertThat(items(brief, Kind.FALL).getFirst().text()).contains("verwandte Branche (Logistik");
        }

        @Test
        void should_infer_the_activity_from_the_firms_own_words() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Kundenanfragen per E-Mail beantworten",
                    List.of(), null), NOW);

            assertThat(caseIds(brief).getFirst()).isEqualTo("K3");
            assertThat(caseIds(brief)).allMatch(id -> id.startsWith("K"));
            assertThat(items(brief, Kind.FALL).getFirst().text()).contains("abgeleitet aus „Kundenanfragen per E-Mail beantworten“");
        }
    }

    @Nested
    class Citations {

        @Test
        void should_cite_an_existing_passage_verbatim_in_every_item() {
            Brief brief = assembler.assemble(new ClientProfile("Steuerberatung", "12", "Buchhaltung",
                    List.of("Datenschutz", "Kosten", "fehlendes Know-how", "Barrierefreiheit"), "Chefin skeptisch"), NOW);

            assertThat(brief.items()).hasSizeGreaterThan(20);
            for (Item item : brief.items()) {
                if (item.kind() == Kind.NICHT_IN_STUDIE) {
                    assertThat(item.citation()).as(item.text()).isNull();
                    continue;
                }
                Citation c = item.citation();
                assertThat(c).as(item.text()).isNotNull();
                Passage passage = Fixtures.study().passage(c.passageId()).orElseThrow();
                assertThat(c.quote()).isEqualTo(passage.text());
                assertThat(c.label()).isEqualTo(passage.label());
                assertThat(c.caseId()).isEqualTo(passage.caseId());
                assertThat(brief.citations().get(c.n() - 1)).isEqualTo(c);
            }
        }

        @Test
        void should_number_each_cited_passage_once_in_reading_order() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Buchhaltung", List.of("Datenschutz"), null), NOW);

            assertThat(brief.citations()).extracting(Citation::n)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, brief.citations().size()).boxed().toList());
            assertThat(brief.citations()).extracting(Citation::passageId).doesNotHaveDuplicates();
            assertThat(brief.items().getFirst().citation().n()).isEqualTo(1);
        }
    }

    @Nested
    class Concerns {

        @Test
        void should_say_so_when_the_study_never_mentions_a_concern() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Buchhaltung", List.of("Barrierefreiheit"), null), NOW);

            assertThat(items(brief, Kind.NICHT_IN_STUDIE)).singleElement().satisfies(item -> {
                assertThat(item.text()).contains("„Barrierefreiheit“").contains("Dazu enthält die Studie keine Angaben");
                assertThat(item.cited()).isFalse();
            });
            assertThat(items(brief, Kind.ANLIEGEN)).isEmpty();
        }

        @Test
        void should_not_take_a_compound_part_for_the_concern() {
            // "Urheberrecht" ends in "recht", and the study says "recht kompliziert": no evidence
            assertThat(concerns.match("Urheberrecht").addressed()).isFalse();
            assertThat(concerns.match("Haftung bei Fehlern").addressed()).isFalse();
        }

        @Test
        void should_find_data_protection_in_the_cases() {
            ConcernMatcher.Match match = concerns.match("Datenschutz");

            assertThat(match.categories()).containsExactly(Category.T1_DATENSCHUTZ);
            assertThat(match.evidence()).extracting(Passage::id)
                    .contains("B3.herausforderungen.1", "B7.herausforderungen.1", "K3.herausforderungen.1",
                            "K7.herausforderungen.3");
        }

        @Test
        void should_understand_a_concern_in_everyday_words_through_the_concept_layer() {
            // "Bammel" is no word of the study; the concept layer has it as a phrasing of Ängste und Unsicherheiten
            ConcernMatcher.Match match = concerns.match("Bammel im Team");

            assertThat(match.unknown()).isEmpty();
            assertThat(match.categories()).contains(Category.T1_AENGSTE);
            assertThat(match.evidence()).isNotEmpty()
                    .allSatisfy(p -> assertThat(ConcernMatcher.SECTIONS).contains(p.sectionId()));
        }

        @Test
        void should_find_costs_through_the_study_own_words() {
            // the study never says "Kosten" for this; it says Investitionsbereitschaft, finanzielle Ressourcen, Fördermöglichkeiten
            List<String> evidence = concerns.match("Kosten").evidence().stream().map(Passage::id).limit(8).toList();

            assertThat(evidence).contains("K2.erfolgsfaktoren.5", "K4.erfolgsfaktoren.3", "B3.tipps.2");
        }

        @Test
        void should_cite_data_protection_passages_for_the_concern() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Buchhaltung", List.of("DSGVO"), null), NOW);

            assertThat(items(brief, Kind.ANLIEGEN)).isNotEmpty().allSatisfy(item ->
                    assertThat((item.citation().label() + " " + item.citation().quote()).toLowerCase())
                            .containsAnyOf("datenschutz", "personaldaten", "dsgvo"));
        }
    }

    @Nested
    class Editing {

        @Test
        void should_remove_an_item_with_the_items_that_answer_it_and_renumber() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Buchhaltung", List.of(), null), NOW);
            Item challenge = brief.items().stream()
                    .filter(i -> i.kind() == Kind.HERAUSFORDERUNG && brief.items().stream().anyMatch(a -> i.id().equals(a.respondsTo())))
                    .findFirst().orElseThrow();

            Brief edited = brief.withoutItem(challenge.id(), NOW.plusSeconds(60));

            assertThat(edited.items()).noneMatch(i -> i.id().equals(challenge.id()) || challenge.id().equals(i.respondsTo()));
            assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(edited.citations()).extracting(Citation::n)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, edited.citations().size()).boxed().toList());
            assertThat(edited.citations()).allSatisfy(c ->
                    assertThat(edited.items()).anyMatch(i -> i.citation() != null && i.citation().passageId().equals(c.passageId())));
            assertThat(brief.withoutItem("e999", NOW)).isNull();
        }

        @Test
        void should_add_and_remove_notes() {
            Brief brief = assembler.assemble(new ClientProfile(null, null, "Buchhaltung", List.of(), null), NOW);

            Brief noted = brief.withNote("Termin am Dienstag", NOW).withNote("Förderung prüfen", NOW);

            assertThat(noted.notes()).extracting(Brief.Note::id).containsExactly("n1", "n2");
            assertThat(noted.withoutNote("n1", NOW).notes()).extracting(Brief.Note::text).containsExactly("Förderung prüfen");
        }
    }

    @Nested
    class Profile {

        @Test
        void should_refuse_an_empty_profile() {
            assertThatThrownBy(() -> new ClientProfile(" ", "50", null, List.of(" "), "nur Notizen").validated())
                    .isInstanceOf(ResponseStatusException.class)
                    .hasMessageContaining("leeres Profil");
        }

        @Test
        void should_refuse_over_long_notes() {
            assertThatThrownBy(() -> new ClientProfile("Handwerk", null, null, List.of(), "x".repeat(2001)).validated())
                    .hasMessageContaining("Notizen ist zu lang (2001 Zeichen, höchstens 2000)");
        }
    }

    private static List<Item> items(Brief brief, Kind kind) {
        return brief.items().stream().filter(i -> i.kind() == kind).toList();
    }

    private static List<String> caseIds(Brief brief) {
        return items(brief, Kind.FALL).stream().map(Item::caseId).toList();
    }
}
