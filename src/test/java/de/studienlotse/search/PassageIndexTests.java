package de.studienlotse.search;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.Passage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The index over the whole parsed brochure, as the service builds it. */
class PassageIndexTests {

    static final PassageIndex INDEX = Brochure.index();

    @Test
    void should_index_every_passage_of_the_study() {
        assertThat(INDEX.size()).isEqualTo(Brochure.study().passages().size());
    }

    @Nested
    class Compounds {

        @Test
        void should_find_the_invoice_cases_by_rechnungsverarbeitung() {
            // when
            List<SearchHit> hits = INDEX.search(SearchRequest.of("Rechnungsverarbeitung", 50));
            // then B4, B6, B7 (title "Automatisierte Rechnungsverarbeitung") and B5 ("Eingangsrechnungen")
            assertThat(caseIds(hits)).contains("B4", "B5", "B6", "B7");
            assertThat(caseIds(hits.subList(0, 10))).contains("B4", "B5", "B6");
        }

        @Test
        void should_give_no_case_a_third_slot_while_another_relevant_case_has_none() {
            // given every passage of B4, B6 and B7 carries the title "Automatisierte Rechnungsverarbeitung"
            // when
            List<SearchHit> hits = INDEX.search(SearchRequest.of("Rechnungsverarbeitung", 10));
            // then the three cases the concept layer tags with invoice processing are among the first ten (B7's
            // "Rechnungsverarbeitung" is payroll accounting in its text), none more than twice before the others
            assertThat(caseIds(hits)).contains("B4", "B5", "B6");
            // (study passages have no case and are not counted)
            List<String> firstSix = hits.subList(0, 6).stream().map(h -> h.passage().caseId())
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(firstSix).allSatisfy(id ->
                    assertThat(firstSix.stream().filter(id::equals).count()).isLessThanOrEqualTo(2));
        }

        @Test
        void should_keep_bm25_order_without_diversity() {
            try (PassageIndex plain = PassageIndex.create(Brochure.study(),
                    SearchProperties.defaults().withRelevantCaseShare(0))) {
                List<SearchHit> hits = plain.search(SearchRequest.of("Rechnungsverarbeitung", 10));
                assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        void should_find_a_compound_that_only_contains_the_query_word() {
            // when
            List<SearchHit> hits = INDEX.search(new SearchRequest("Datenschutz", 10, null, "B1", null));
            // then B1: "Die IT kümmerte sich um Datenschutzthemen"
            assertThat(hits).anySatisfy(hit -> {
                assertThat(hit.passage().caseId()).isEqualTo("B1");
                assertThat(hit.passage().text()).contains("Datenschutzthemen");
                assertThat(hit.coverage()).isEqualTo(1.0);
            });
        }

        @Test
        void should_rank_the_exact_compound_before_its_parts() {
            // when
            List<SearchHit> hits = INDEX.search(SearchRequest.of("Stellenabbau", 5));
            // then
            assertThat(hits.getFirst().passage().text() + hits.getFirst().passage().label()).contains("Stellenabbau");
        }
    }

    @Test
    void should_find_the_cases_with_a_works_council() {
        // when
        List<SearchHit> hits = INDEX.search(SearchRequest.of("Betriebsrat", 10));
        // then
        assertThat(caseIds(hits)).contains("B3", "K6", "K7");
    }

    @Test
    void should_find_the_same_passages_for_umlaut_spellings() {
        // when
        List<SearchHit> umlaut = INDEX.search(SearchRequest.of("Ängste und Stellenabbau", 5));
        List<SearchHit> folded = INDEX.search(SearchRequest.of("Aengste und Stellenabbau", 5));
        // then
        assertThat(ids(folded)).isEqualTo(ids(umlaut));
    }

    @Test
    void should_find_german_passages_for_an_english_question() {
        // when
        List<SearchHit> hits = INDEX.search(SearchRequest.of("Was the works council involved?", 10));
        // then
        assertThat(caseIds(hits)).contains("B3", "K6", "K7");
    }

    @Nested
    class Filters {

        @Test
        void should_filter_by_activity() {
            // when
            List<SearchHit> hits = INDEX.search(
                    new SearchRequest("Herausforderungen", 50, Activity.KAPAZITAETSPLANUNG, null, null));
            // then
            assertThat(hits).isNotEmpty().allSatisfy(hit -> {
                assertThat(hit.caseStudy()).isNotNull();
                assertThat(hit.caseStudy().activity()).isEqualTo(Activity.KAPAZITAETSPLANUNG);
            });
        }

        @Test
        void should_filter_by_case_in_any_letter_case() {
            // when
            List<SearchHit> hits = INDEX.search(new SearchRequest("Schulungen", 50, null, "b4", null));
            // then
            assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.passage().caseId()).isEqualTo("B4"));
        }

        @Test
        void should_filter_by_section() {
            // when
            List<SearchHit> hits = INDEX.search(new SearchRequest("Kommunikation", 50, null, null, "tipps"));
            // then
            assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.passage().sectionId()).isEqualTo("tipps"));
        }

        @Test
        void should_find_study_level_text_with_a_study_section_filter() {
            // when
            List<SearchHit> hits = INDEX.search(new SearchRequest("Herausforderungen", 10, null, null, "fazit"));
            // then
            assertThat(hits).isNotEmpty().allSatisfy(hit -> {
                assertThat(hit.passage().caseId()).isNull();
                assertThat(hit.caseStudy()).isNull();
            });
        }

        @Test
        void should_combine_filters_and_return_nothing_for_a_case_outside_the_activity() {
            assertThat(INDEX.search(new SearchRequest("Herausforderungen", 10, Activity.BUCHHALTUNG, "K1", null)))
                    .isEmpty();
        }
    }

    @Nested
    class Robustness {

        @ParameterizedTest
        @ValueSource(strings = {"\"foo\" AND (bar*) ~ : [x]", "Datenschutz:", "(((", "\"", "*", "~2", "a OR b NOT",
                "[1 TO 5]", "{}", "\\", "/regex/", "title:Rechnung^3", "&& || !", "-", "+", "?"})
        void should_never_throw_on_query_syntax(String query) {
            assertThatCode(() -> INDEX.search(SearchRequest.of(query, 10))).doesNotThrowAnyException();
            assertThatCode(() -> INDEX.analyze(query)).doesNotThrowAnyException();
        }

        @Test
        void should_treat_query_syntax_as_text() {
            // when
            List<SearchHit> hits = INDEX.search(SearchRequest.of("\"Datenschutz\" AND (Rechnung*) ~ : [x]", 10));
            // then
            assertThat(hits).isNotEmpty();
        }

        @Test
        void should_search_a_very_long_question_within_lucenes_clause_limit() {
            // given 1,000 characters of distinct brochure words
            String text = String.join(" ", Brochure.study().passages().stream()
                    .flatMap(p -> List.of(p.text().split("\\s+")).stream()).distinct().limit(400).toList());
            String query = text.substring(0, Math.min(1_000, text.length()));
            // then
            assertThatCode(() -> INDEX.search(SearchRequest.of(query, 50))).doesNotThrowAnyException();
        }

        @Test
        void should_find_nothing_for_stop_words_or_unknown_words() {
            assertThat(INDEX.search(SearchRequest.of("und oder die der", 10))).isEmpty();
            assertThat(INDEX.search(SearchRequest.of("Blockchain Quantencomputer", 10))).isEmpty();
        }

        @Test
        void should_search_from_many_threads_at_once() throws Exception {
            // given
            List<String> expected = ids(INDEX.search(SearchRequest.of("Akzeptanz der Mitarbeitenden", 10)));
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                // when
                List<Future<List<String>>> results = IntStream.range(0, 200)
                        .mapToObj(i -> pool.submit(() -> ids(INDEX.search(
                                SearchRequest.of("Akzeptanz der Mitarbeitenden", 10)))))
                        .toList();
                // then
                for (Future<List<String>> result : results) {
                    assertThat(result.get()).isEqualTo(expected);
                }
            }
        }
    }

    @Nested
    class Terms {

        @Test
        void should_tell_which_words_the_study_knows() {
            // when
            QueryTerms terms = INDEX.analyze("Welche Rolle spielte die Blockchain beim Datenschutz?");
            // then
            assertThat(terms.terms()).filteredOn(QueryTerms.QueryTerm::inIndex)
                    .extracting(QueryTerms.QueryTerm::word).contains("Datenschutz");
            assertThat(terms.terms()).filteredOn(t -> !t.inIndex())
                    .extracting(QueryTerms.QueryTerm::word).containsExactly("Blockchain");
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0} is read as {1}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "Was tun gegen doppelte Rechnugen? | Rechnugen | rechnung",
                "Wie lief die Einfürung beim Logistiker? | Einfürung | einfuhrung",
                "Wie klappte es mit der Akzeptans? | Akzeptans | akzeptanz",
        })
        void should_search_a_misspelt_word_as_the_index_term_one_edit_away(String question, String typed, String term) {
            QueryTerms.QueryTerm word = INDEX.analyze(question).terms().stream()
                    .filter(t -> t.word().equals(typed)).findFirst().orElseThrow();
            assertThat(word.expansions()).contains(term);
            assertThat(word.inIndex()).isTrue();
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0} stays unknown")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "Wie wird das Wetter morgen? | Wetter",
                "Wer hat den Blockchain-Keller gebaut? | Keller",
        })
        void should_not_correct_a_real_german_word_the_study_lacks(String question, String typed) {
            QueryTerms.QueryTerm word = INDEX.analyze(question).terms().stream()
                    .filter(t -> t.word().equals(typed)).findFirst().orElseThrow();
            assertThat(word.inIndex()).isFalse();
        }

        @Test
        void should_report_no_terms_for_stop_words() {
            assertThat(INDEX.analyze("Was ist das?").isEmpty()).isTrue();
        }

        @Test
        void should_report_low_coverage_for_a_question_the_study_does_not_cover() {
            // when
            List<SearchHit> covered = INDEX.search(SearchRequest.of("Ängste vor Stellenabbau", 3));
            List<SearchHit> uncovered = INDEX.search(SearchRequest.of("Tarifvertrag Kurzarbeit Stellenabbau", 3));
            // then
            assertThat(covered.getFirst().coverage()).isEqualTo(1.0);
            assertThat(uncovered.getFirst().coverage()).isLessThan(0.5);
        }
    }

    @Test
    void should_build_the_index_on_disk_when_a_path_is_set(@TempDir Path directory) throws Exception {
        // given
        SearchProperties properties = SearchProperties.defaults().withIndexPath(directory.resolve("index").toString());
        // when
        try (PassageIndex onDisk = PassageIndex.create(Brochure.study(), properties)) {
            // then
            assertThat(Files.list(directory.resolve("index"))).isNotEmpty();
            assertThat(ids(onDisk.search(SearchRequest.of("Betriebsrat", 5))))
                    .isEqualTo(ids(INDEX.search(SearchRequest.of("Betriebsrat", 5))));
        }
    }

    static List<String> caseIds(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::passage).map(Passage::caseId).distinct().toList();
    }

    static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.passage().id()).toList();
    }
}
