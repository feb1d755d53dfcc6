package de.studienlotse.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import de.studienlotse.evaluation.GoldQuestion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index, thesaurus, bridges and concepts kept between starts: read back, they search as a fresh build does. */
class SearchCacheTests {

    static final SearchProperties DEFAULTS = SearchProperties.defaults();
    /** Typing errors, English, thesaurus words, bridges, filters' words, names the study lacks. */
    static final List<String> QUERIES = List.of("Rechnungsverarbeitung", "Welche Herausforderungen gab es bei der "
            + "Rechnungsverarbeitung?", "Rechnugen doppelt untergejubelt", "Angst um meinen Job", "Schiss vor KI",
            "Chef", "works council", "Kapazitaetsplanung Massnahmen", "Datenschutz", "Wetter in Sachsen", "ROI Excel",
            "Wie haben die Kollegen reagiert?", "Fachkräftemangel", "", "KI");

    @Test
    void should_search_alike_from_a_fresh_build_and_from_the_kept_index(@TempDir Path cache) {
        // given a fresh build, and the first start that builds and keeps it
        Study study = Brochure.study();
        PassageIndex fresh = PassageIndex.create(study, DEFAULTS);
        String fingerprint = GermanMorphology.fingerprint();
        SearchCache.Opened first = SearchCache.open(study, DEFAULTS, PassageEmbeddings.none(), GermanMorphology.load(),
                fingerprint, cache);

        // when the next start reads what the first kept
        SearchCache.Opened next = SearchCache.open(study, DEFAULTS, PassageEmbeddings.none(), GermanMorphology.load(),
                fingerprint, cache);

        // then
        assertThat(first.kept()).isFalse();
        assertThat(next.kept()).isTrue();
        List<String> questions = new ArrayList<>(QUERIES);
        questions.addAll(goldQuestions());
        assertThat(questions).hasSizeGreaterThan(500);
        for (String question : questions) {
            for (SearchRequest request : List.of(SearchRequest.of(question, 10), SearchRequest.of(question, 50),
                    new SearchRequest(question, 10, Activity.BUCHHALTUNG, null, null),
                    new SearchRequest(question, 10, null, null, "herausforderungen"))) {
                List<SearchHit> expected = fresh.search(request);
                assertThat(first.index().search(request)).as("first start: %s", request).isEqualTo(expected);
                assertThat(next.index().search(request)).as("kept: %s", request).isEqualTo(expected);
            }
            assertThat(next.index().analyze(question)).as("analysis of %s", question)
                    .isEqualTo(fresh.analyze(question));
            assertThat(next.index().words(question)).isEqualTo(fresh.words(question));
        }
        assertThat(next.index().size()).isEqualTo(fresh.size());
        assertThat(next.index().concepts().match(List.of())).isEqualTo(fresh.concepts().match(List.of()));
    }

    @Test
    void should_take_a_new_key_when_an_input_changes() throws IOException {
        // given
        Study study = Brochure.study();
        String fingerprint = GermanMorphology.fingerprint();
        String key = SearchCache.key(study, DEFAULTS, fingerprint);
        Study edited;
        try (InputStream in = SearchCacheTests.class.getClassLoader().getResourceAsStream(Brochure.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("Rechnungsverarbeitung");
            edited = BrochureParser.parse(text.replaceFirst("Rechnungsverarbeitung", "Rechnungsbearbeitung"));
        }

        // when / then: the same inputs give the same key, any changed one another
        assertThat(SearchCache.key(Brochure.study(), DEFAULTS, fingerprint)).isEqualTo(key);
        assertThat(SearchCache.key(edited, DEFAULTS, fingerprint)).isNotEqualTo(key);
        assertThat(SearchCache.key(study, DEFAULTS, "0123456789abcdef")).isNotEqualTo(key);
        assertThat(SearchCache.key(study, DEFAULTS.withStemming(StudyAnalyzer.Stemming.MINIMAL), fingerprint))
                .isNotEqualTo(key);
        assertThat(SearchCache.key(study, DEFAULTS.withBridges(false), fingerprint)).isNotEqualTo(key);
        assertThat(SearchCache.key(study, DEFAULTS.withThesaurusWeight(0), fingerprint)).isNotEqualTo(key);
        assertThat(SearchCache.key(study, DEFAULTS.withConceptWeight(0), fingerprint)).isNotEqualTo(key);
        // query-time weights change nothing that is built
        assertThat(SearchCache.key(study, DEFAULTS.withWeights(0.7f, 0.2f), fingerprint)).isEqualTo(key);
        // the analysis code and word lists are part of it
        assertThat(SearchCache.CODE).contains(StudyAnalyzer.class, PassageIndex.class, Thesaurus.class);
        assertThat(SearchCache.RESOURCES).contains(Thesaurus.RESOURCE, StudyConcepts.PHRASES, "search/synonyme.txt");
    }

    @Test
    void should_build_afresh_when_the_kept_files_are_unreadable(@TempDir Path cache) throws IOException {
        // given a kept directory whose word file is cut short
        Study study = Brochure.study();
        String fingerprint = GermanMorphology.fingerprint();
        SearchCache.open(study, DEFAULTS, PassageEmbeddings.none(), GermanMorphology.load(), fingerprint, cache);
        Path words;
        try (Stream<Path> kept = Files.list(cache)) {
            words = kept.filter(Files::isDirectory).findFirst().orElseThrow().resolve(SearchCache.WORDS);
        }
        byte[] bytes = Files.readAllBytes(words);
        Files.write(words, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        // when
        SearchCache.Opened opened = SearchCache.open(study, DEFAULTS, PassageEmbeddings.none(),
                GermanMorphology.load(), fingerprint, cache);

        // then
        assertThat(opened.kept()).isFalse();
        SearchRequest request = SearchRequest.of("Welche Herausforderungen gab es bei der Rechnungsverarbeitung?", 10);
        assertThat(opened.index().search(request)).isEqualTo(Brochure.index().search(request));
    }

    @Test
    void should_hold_in_its_postings_every_term_the_analyzer_gives_a_passage() throws IOException {
        // given: the passages' terms as analysis gives them, field by field
        Study study = Brochure.study();
        StudyAnalyzer analyzer = new StudyAnalyzer(GermanMorphology.load(), StudyAnalyzer.Stemming.LIGHT);
        PassageIndex index = PassageIndex.create(study, DEFAULTS);
        Map<String, Set<String>> analysed = new HashMap<>();
        for (CaseStudy caseStudy : study.cases()) {
            for (Section section : caseStudy.sections()) {
                for (Passage passage : section.passages()) {
                    Set<String> terms = terms(analyzer, passage, section);
                    for (String value : new String[] {caseStudy.application(), caseStudy.branche(),
                            caseStudy.activity().label()}) {
                        terms.addAll(terms(analyzer, value));
                    }
                    analysed.put(passage.id(), terms);
                }
            }
        }
        for (Section section : study.studySections()) {
            section.passages().forEach(passage -> analysed.put(passage.id(), terms(analyzer, passage, section)));
        }

        // when: the terms the index holds per document, read from its postings
        Map<String, Set<String>> indexed = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(index.directory())) {
            StoredFields stored = reader.storedFields();
            for (String field : List.of(PassageIndex.TEXT, PassageIndex.LABEL, PassageIndex.APPLICATION,
                    PassageIndex.BRANCHE, PassageIndex.ACTIVITY, PassageIndex.SECTION)) {
                Terms terms = MultiTerms.getTerms(reader, field);
                TermsEnum iterator = terms.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        indexed.computeIfAbsent(stored.document(doc).get(PassageIndex.ID), id -> new HashSet<>())
                                .add(term.utf8ToString());
                    }
                }
            }
        }

        // then
        assertThat(indexed).isEqualTo(analysed);
    }

    private static Set<String> terms(StudyAnalyzer analyzer, Passage passage, Section section) {
        Set<String> terms = new HashSet<>();
        for (String value : new String[] {passage.text(), passage.label(), section.title()}) {
            terms.addAll(terms(analyzer, value));
        }
        return terms;
    }

    private static Set<String> terms(StudyAnalyzer analyzer, String value) {
        Set<String> terms = new HashSet<>();
        if (value != null && !value.isBlank()) {
            Tokens.of(analyzer, "text", value).forEach(token -> terms.add(token.term()));
        }
        return terms;
    }

    private static List<String> goldQuestions() {
        List<String> questions = new ArrayList<>();
        for (String file : List.of("questions", "dev-questions", "blind-questions", "fresh-questions")) {
            GoldQuestion.read(Path.of("evaluation", file + ".jsonl")).forEach(q -> questions.add(q.question()));
        }
        return questions;
    }
}
