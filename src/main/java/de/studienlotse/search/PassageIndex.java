package de.studienlotse.search;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Section;
import de.studienlotse.corpus.Study;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Lucene index over every passage of the study, one document per passage, searched with BM25.
 *
 * <p>Searchable: the passage text, its label, and, so that a question naming the case finds its passages, the
 * case's KI-Anwendung title, Branche and Tätigkeit and the section title. Filters (exact): Tätigkeit, case, section.
 * Built once at construction, in memory or in {@link SearchProperties#indexPath()}; read-only afterwards, so
 * {@link #search} and {@link #analyze} are thread-safe. In memory they never wait (see {@link #inMemory()}); an index on
 * disk may, so call them off the event loop then.
 */
public final class PassageIndex implements Closeable {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String LABEL = "label";
    static final String APPLICATION = "anwendung";
    static final String BRANCHE = "branche";
    static final String ACTIVITY = "taetigkeit";
    static final String SECTION = "abschnitt";
    static final String FILTER_ACTIVITY = "filter_taetigkeit";
    static final String FILTER_CASE = "filter_fall";
    static final String FILTER_SECTION = "filter_abschnitt";
    /** The passage's concepts (exact ids): a question naming one finds the passages tagged with it. */
    static final String CONCEPT = "konzept";

    /** Distinct terms searched at most; times the six fields this stays below Lucene's 1,024 clauses. */
    static final int MAX_QUERY_TERMS = 128;
    /** Candidates re-ranked for case diversity: k times this, at least {@link #MIN_CANDIDATES}. */
    static final int CANDIDATES_PER_HIT = 5;
    static final int MIN_CANDIDATES = 50;
    /** A one-word concept phrasing found in more passages than this share points to no concept in particular. */
    static final double MAX_CONCEPT_WORD_SHARE = 0.05;
    /** Slots a case may fill while another relevant case has none. */
    static final int SLOTS_BEFORE_OTHERS = 2;
    /**
     * Weights of the rankings fused: the question's own words, their rewrite into the study's words, the vector
     * ranking. The rewrite counts no more than the question: a model's reading must not outvote what was asked.
     */
    static final float QUESTION_WEIGHT = 1.0f;
    static final float STUDY_QUERY_WEIGHT = 1.0f;
    static final float VECTOR_WEIGHT = 1.0f;

    private final Study study;
    private final QueryAnalysis queryAnalysis;
    private final Map<String, Float> fieldBoosts;
    private final float partWeight;
    private final float bridgeWeight;
    private final float thesaurusWeight;
    private final float conceptWeight;
    private final StudyConcepts concepts;
    private final float relevantCaseShare;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** By Lucene doc id: the passage and every term its document holds (for coverage). */
    private final Passage[] passages;
    private final Set<String>[] termsByDoc;
    /** Field → its terms: a question's term is searched only in fields that hold it (fewer clauses, faster). */
    private final Map<String, Set<String>> vocabulary;
    /**
     * Document frequencies, read once from the index (it never changes): of each term in the passages' text, and summed
     * over the searchable fields. Every search weighs the question's words by them; a map look-up instead of a seek in
     * each field's terms dictionary.
     */
    private final Map<String, Integer> textDocFreqs;
    private final Map<String, Integer> docFreqs;
    private final PassageEmbeddings embeddings;
    /** Whether German knows a word as a common word (not only as a name); always false without a dictionary. */
    private final java.util.function.Predicate<String> commonWord;

    /** The production set-up: {@link StudyAnalyzer} with German lemmas and compound parts. */
    public static PassageIndex create(Study study, SearchProperties properties) {
        return create(study, properties, PassageEmbeddings.none());
    }

    /** The production set-up, with passage vectors for a hybrid search (or {@link PassageEmbeddings#none()}). */
    public static PassageIndex create(Study study, SearchProperties properties, PassageEmbeddings embeddings) {
        return create(study, properties, embeddings, GermanMorphology.load());
    }

    /** The production set-up on the given dictionaries (which may already know the study's words from a saved memo). */
    public static PassageIndex create(Study study, SearchProperties properties, PassageEmbeddings embeddings,
                                      GermanMorphology morphology) {
        StudyAnalyzer analyzer = new StudyAnalyzer(morphology, properties.stemming());
        VocabularyBridges bridges = properties.bridges() ? VocabularyBridges.load(analyzer) : VocabularyBridges.none();
        Thesaurus thesaurus = properties.thesaurusWeight() > 0 ? Thesaurus.load(analyzer) : Thesaurus.none();
        StudyConcepts concepts = properties.conceptWeight() > 0 ? StudyConcepts.load(study, analyzer)
                : StudyConcepts.none();
        return new PassageIndex(study, properties, analyzer, bridges, thesaurus, concepts, embeddings);
    }

    /** Any analyzer (used for index and questions alike), for comparisons; {@link #create} for the service. */
    @SuppressWarnings("unchecked")
    public PassageIndex(Study study, SearchProperties properties, Analyzer analyzer, VocabularyBridges bridges) {
        this(study, properties, analyzer, bridges, Thesaurus.none(), StudyConcepts.none());
    }

    /**
     * With thesaurus alternatives, weighed {@link SearchProperties#thesaurusWeight()}, and the study's concepts,
     * weighed {@link SearchProperties#conceptWeight()}.
     */
    public PassageIndex(Study study, SearchProperties properties, Analyzer analyzer, VocabularyBridges bridges,
                        Thesaurus thesaurus, StudyConcepts concepts) {
        this(study, properties, analyzer, bridges, thesaurus, concepts, PassageEmbeddings.none());
    }

    /** With a vector ranking fused with BM25's, when {@code embeddings} are {@linkplain PassageEmbeddings#enabled() enabled}. */
    public PassageIndex(Study study, SearchProperties properties, Analyzer analyzer, VocabularyBridges bridges,
                        Thesaurus thesaurus, StudyConcepts concepts, PassageEmbeddings embeddings) {
        this(study, properties, analyzer, bridges, thesaurus, concepts, embeddings,
                written(study, properties, analyzer, concepts));
    }

    /**
     * Over an index already written from the same study, analyzer and concepts ({@link SearchCache} keeps one between
     * starts): the passages are not analysed again. The index is read-only from here on and closed with this.
     */
    PassageIndex(Study study, SearchProperties properties, Analyzer analyzer, VocabularyBridges bridges,
                 Thesaurus thesaurus, StudyConcepts concepts, PassageEmbeddings embeddings, Directory directory) {
        this.study = study;
        this.embeddings = embeddings;
        this.commonWord = analyzer instanceof StudyAnalyzer german ? german::commonWord : word -> false;
        this.thesaurusWeight = properties.thesaurusWeight();
        this.conceptWeight = properties.conceptWeight();
        this.fieldBoosts = fieldBoosts(properties.boosts());
        this.partWeight = properties.partWeight();
        this.bridgeWeight = properties.bridgeWeight();
        this.relevantCaseShare = properties.relevantCaseShare();
        this.directory = directory;
        try {
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.searcher.setSimilarity(new BM25Similarity());
            this.passages = new Passage[reader.maxDoc()];
            this.termsByDoc = termsByDoc(reader);
            this.vocabulary = vocabulary(reader, fieldBoosts.keySet());
            this.textDocFreqs = docFreqs(reader, Set.of(TEXT));
            this.docFreqs = docFreqs(reader, fieldBoosts.keySet());
            this.queryAnalysis = new QueryAnalysis(analyzer, bridges, thesaurus,
                    analyzer instanceof StudyAnalyzer german && german.hasDictionary()
                            ? new Spelling(reader, TEXT, german::knownWord) : Spelling.NONE);
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String id = stored.document(doc).get(ID);
                passages[doc] = study.passage(id).orElseThrow();
            }
            this.concepts = concepts.withoutCommonWords(this::textDocFreq, passages.length, MAX_CONCEPT_WORD_SHARE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the passage index", e);
        }
    }

    /** The study written into a new index, in memory or in {@link SearchProperties#indexPath()}. */
    private static Directory written(Study study, SearchProperties properties, Analyzer analyzer,
                                     StudyConcepts concepts) {
        Directory directory = null;
        try {
            directory = properties.indexPath() == null || properties.indexPath().isBlank()
                    ? new ByteBuffersDirectory() : FSDirectory.open(Path.of(properties.indexPath()));
            write(study, directory, analyzer, concepts);
            return directory;
        } catch (IOException e) {
            if (directory != null) {
                try {
                    directory.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("cannot build the passage index", e);
        }
    }

    /** The index's files, for {@link SearchCache} to keep (read-only: the index is never written again). */
    Directory directory() {
        return directory;
    }

    /**
     * The best passages for the question, best first; empty if none of its words occurs in the study. Each of the
     * question, its {@linkplain SearchRequest#studyQuery() rewrite into the study's words} and, with
     * {@link PassageEmbeddings}, its vector is ranked under the request's filters, and more than one ranking is fused
     * by {@link RankFusion}; the hits' score is then the fused one. Without a rewrite and vectors this is BM25 alone.
     */
    public List<SearchHit> search(SearchRequest request) {
        Analysed question = analysed(request.query());
        Analysed studyQuery = request.studyQuery() == null ? Analysed.NONE : analysed(request.studyQuery());
        List<QueryWord> concepts = question.words();
        Set<String> named = new LinkedHashSet<>(question.named());
        List<QueryWord> studyWords = studyQuery.words();
        Set<String> studyNamed = studyQuery.named();
        try {
            int candidates = relevantCaseShare > 0 ? Math.max(request.k() * CANDIDATES_PER_HIT, MIN_CANDIDATES)
                    : request.k();
            List<RankFusion.Ranking> rankings = new ArrayList<>(3);
            if (!question.weights().isEmpty() || !named.isEmpty()) {
                rankings.add(new RankFusion.Ranking(ranking(question, request, candidates), QUESTION_WEIGHT));
            }
            if (!studyQuery.weights().isEmpty() || !studyNamed.isEmpty()) {
                rankings.add(new RankFusion.Ranking(ranking(studyQuery, request, candidates), STUDY_QUERY_WEIGHT));
            }
            if (embeddings.enabled()) {
                vectorRanking(request, candidates).ifPresent(docs -> rankings.add(new RankFusion.Ranking(docs, VECTOR_WEIGHT)));
            }
            if (rankings.isEmpty()) {
                return List.of();
            }
            named.addAll(studyNamed);
            double[] questionWeights = question.rarity();
            double[] studyWordWeights = studyQuery.rarity();
            List<ScoreDoc> ranked = diversify(rankings.size() == 1 ? rankings.getFirst().docs()
                    : RankFusion.fuse(rankings), request.k());
            List<SearchHit> hits = new ArrayList<>(ranked.size());
            for (ScoreDoc scoreDoc : ranked) {
                Passage passage = passages[scoreDoc.doc];
                CaseStudy caseStudy = passage.caseId() == null ? null : study.caseById(passage.caseId()).orElse(null);
                List<String> shared = this.concepts.of(passage.id()).stream().filter(named::contains).toList();
                // how much of what was asked the passage holds, in the question's words or in the study's
                double coverage = Math.max(coverage(concepts, questionWeights, termsByDoc[scoreDoc.doc]),
                        coverage(studyWords, studyWordWeights, termsByDoc[scoreDoc.doc]));
                hits.add(new SearchHit(passage, caseStudy, scoreDoc.score, coverage, shared));
            }
            return List.copyOf(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text's words as searched, their weights, the concepts they name and their rarity: what every search of the
     * same text repeats. Within {@link #analysingOnce} computed once per text, else per search.
     */
    private record Analysed(List<QueryWord> words, Map<String, Float> weights, Set<String> named, double[] rarity,
                            ScoreDoc[][] everyHit) {

        static final Analysed NONE = new Analysed(List.of(), Map.of(), Set.of(), new double[0], new ScoreDoc[1][]);
    }

    /** Per thread, inside {@link #analysingOnce}: each text searched so far, analysed. */
    private final ThreadLocal<Map<String, Analysed>> analysedOnce = new ThreadLocal<>();

    /**
     * Runs {@code work} (on this thread) with every text it searches analysed only once, and searched in the index
     * only once: an answer searches one question in several sections and with several filters, and each of those
     * searches then takes the matching passages from that one ranking in memory. The results are the ones each search
     * gives alone: BM25's scores do not depend on the filters, and filtered or not the ranking keeps the same order.
     */
    public <T> T analysingOnce(java.util.function.Supplier<T> work) {
        if (analysedOnce.get() != null) {
            return work.get();
        }
        analysedOnce.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            analysedOnce.remove();
        }
    }

    private Analysed analysed(String text) {
        Map<String, Analysed> once = analysedOnce.get();
        return once == null ? analyse(text) : once.computeIfAbsent(text, this::analyse);
    }

    private Analysed analyse(String text) {
        List<QueryWord> words = List.copyOf(queryAnalysis.concepts(text));
        return new Analysed(words, termWeights(words),
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>(concepts.match(words))), rarity(words),
                new ScoreDoc[1][]);
    }

    /**
     * The best {@code candidates} passages for the analysed text under the request's filters. Inside
     * {@link #analysingOnce}: from the text's one unfiltered ranking of every passage it matches, filtered here.
     */
    private ScoreDoc[] ranking(Analysed text, SearchRequest request, int candidates) throws IOException {
        if (analysedOnce.get() == null) {
            return searcher.search(query(text.weights(), text.named(), request), candidates).scoreDocs;
        }
        if (text.everyHit()[0] == null) {
            text.everyHit()[0] = searcher.search(query(text.weights(), text.named(), SearchRequest.of("", 1)),
                    Math.max(1, passages.length)).scoreDocs;
        }
        List<ScoreDoc> docs = new ArrayList<>(candidates);
        for (ScoreDoc doc : text.everyHit()[0]) {
            if (docs.size() == candidates) {
                break;
            }
            if (matches(passages[doc.doc], request)) {
                docs.add(new ScoreDoc(doc.doc, doc.score));
            }
        }
        return docs.toArray(ScoreDoc[]::new);
    }

    /** Passages under the request's filters by cosine to the question, best first; empty if the model fails. */
    private Optional<ScoreDoc[]> vectorRanking(SearchRequest request, int candidates) {
        return embeddings.similarities(request.query()).map(cosines -> {
            List<ScoreDoc> docs = new ArrayList<>();
            for (int doc = 0; doc < passages.length; doc++) {
                Float cosine = cosines.get(passages[doc].id());
                if (cosine != null && matches(passages[doc], request)) {
                    docs.add(new ScoreDoc(doc, cosine));
                }
            }
            docs.sort((a, b) -> Float.compare(b.score, a.score));
            return docs.subList(0, Math.min(candidates, docs.size())).toArray(ScoreDoc[]::new);
        });
    }

    /** The request's filters, as {@link #query} applies them to the Lucene documents. */
    private boolean matches(Passage passage, SearchRequest request) {
        if (request.sectionId() != null && !request.sectionId().equals(passage.sectionId())) {
            return false;
        }
        if (SearchRequest.STUDY_TEXT.equals(request.caseId())) {
            if (passage.caseId() != null) {
                return false;
            }
        } else if (request.caseId() != null && !request.caseId().equalsIgnoreCase(String.valueOf(passage.caseId()))) {
            return false;
        }
        return request.activity() == null || passage.caseId() != null
                && study.caseById(passage.caseId()).map(c -> c.activity() == request.activity()).orElse(false);
    }

    /**
     * Case-diversified ranking: no case (or study section) takes a {@value #SLOTS_BEFORE_OTHERS}rd slot while another
     * relevant one, with a candidate scoring at least {@code relevantCaseShare} of the best, has none yet. Within
     * that rule BM25's order stands, and the scores are not changed: cases sharing a title ("Automatisierte
     * Rechnungsverarbeitung" ×3) then cannot crowd out the fourth invoice case.
     */
    private List<ScoreDoc> diversify(ScoreDoc[] candidates, int k) {
        if (relevantCaseShare <= 0 || candidates.length == 0) {
            return List.of(candidates).subList(0, Math.min(k, candidates.length));
        }
        float threshold = candidates[0].score * relevantCaseShare;
        Set<String> waiting = new java.util.LinkedHashSet<>();
        for (ScoreDoc candidate : candidates) {
            if (candidate.score >= threshold) {
                waiting.add(group(candidate));
            }
        }
        Map<String, Integer> picked = new HashMap<>();
        List<ScoreDoc> remaining = new ArrayList<>(List.of(candidates));
        List<ScoreDoc> ranked = new ArrayList<>(k);
        while (ranked.size() < k && !remaining.isEmpty()) {
            ScoreDoc next = remaining.getFirst();
            for (ScoreDoc candidate : remaining) {
                String group = group(candidate);
                boolean othersWait = waiting.stream().anyMatch(g -> !g.equals(group));
                if (picked.getOrDefault(group, 0) < SLOTS_BEFORE_OTHERS || !othersWait) {
                    next = candidate;
                    break;
                }
            }
            remaining.remove(next);
            ranked.add(next);
            picked.merge(group(next), 1, Integer::sum);
            waiting.remove(group(next));
        }
        return ranked;
    }

    private String group(ScoreDoc scoreDoc) {
        Passage passage = passages[scoreDoc.doc];
        return passage.caseId() != null ? passage.caseId() : passage.sectionId();
    }

    /** A text's words through the index analyzer, for matching a question's words on terms rather than letters. */
    public List<AnalyzedWord> words(String text) {
        return queryAnalysis.words(text);
    }

    /** The study's concepts (for answers and briefs, which speak of them as the search does). */
    public StudyConcepts concepts() {
        return concepts;
    }

    /** The question's content words as analyzed, whether the index knows each (docFreq &gt; 0), and the concepts it names. */
    public QueryTerms analyze(String query) {
        List<QueryWord> words = analysed(query).words();
        Map<String, Set<Integer>> named = concepts.matchWords(words);
        Set<Integer> conceptWords = new HashSet<>();
        named.values().forEach(conceptWords::addAll);
        List<QueryTerms.QueryTerm> terms = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            QueryWord word = words.get(i);
            // a thesaurus alternative is not the word: "Bayern" is no study word because a synonym is
            terms.add(new QueryTerms.QueryTerm(word.typed(), word.term(), word.expansions(),
                    inIndex(word.own()) || word.parts().stream().anyMatch(t -> docFreq(t) > 0)
                            || word.bridges().stream().anyMatch(t -> docFreq(t) > 0),
                    conceptWords.contains(i), commonWord.test(word.typed())));
        }
        return new QueryTerms(query, terms, List.copyOf(named.keySet()));
    }

    /**
     * Whether the index lives in memory ({@link ByteBuffersDirectory}): then {@link #search} and {@link #analyze} are
     * CPU work only and never wait, and may run on an event loop. An index on disk may wait for the file system.
     */
    public boolean inMemory() {
        return directory instanceof ByteBuffersDirectory;
    }

    /** Number of passage documents. */
    public int size() {
        return passages.length;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Whether any searchable field holds the term. */
    private boolean inVocabulary(String term) {
        return docFreqs.containsKey(term);
    }

    private static Map<String, Set<String>> vocabulary(IndexReader reader, Set<String> fields) throws IOException {
        Map<String, Set<String>> vocabulary = new HashMap<>();
        for (String field : fields) {
            Set<String> terms = new HashSet<>();
            Terms indexed = MultiTerms.getTerms(reader, field);
            if (indexed != null) {
                TermsEnum iterator = indexed.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    terms.add(term.utf8ToString());
                }
            }
            vocabulary.put(field, Set.copyOf(terms));
        }
        return Map.copyOf(vocabulary);
    }

    /** Each term's document frequency, summed over the fields (a passage counted once per field holding it). */
    private static Map<String, Integer> docFreqs(IndexReader reader, Set<String> fields) throws IOException {
        Map<String, Integer> docFreqs = new HashMap<>();
        for (String field : fields) {
            Terms indexed = MultiTerms.getTerms(reader, field);
            if (indexed != null) {
                TermsEnum iterator = indexed.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    docFreqs.merge(term.utf8ToString(), iterator.docFreq(), Integer::sum);
                }
            }
        }
        return Map.copyOf(docFreqs);
    }

    private boolean inIndex(List<String> own) {
        return own.stream().allMatch(t -> docFreq(t) > 0);
    }

    private int textDocFreq(String term) {
        return textDocFreqs.getOrDefault(term, 0);
    }

    /** Passages holding the term in any searchable field, counted once per field. */
    private int docFreq(String term) {
        return docFreqs.getOrDefault(term, 0);
    }

    /** Each term's weight (own word 1, part or bridge lower), terms the index lacks dropped, own words first. */
    private Map<String, Float> termWeights(List<QueryWord> concepts) {
        Map<String, Float> weights = new LinkedHashMap<>();
        concepts.forEach(c -> c.own().forEach(t -> weights.merge(t, 1.0f, Math::max)));
        concepts.forEach(c -> c.parts().forEach(t -> weights.merge(t, partWeight, Math::max)));
        concepts.forEach(c -> c.bridges().forEach(t -> weights.merge(t, bridgeWeight, Math::max)));
        concepts.forEach(c -> c.related().forEach(t -> weights.merge(t, thesaurusWeight, Math::max)));
        Map<String, Float> known = new LinkedHashMap<>();
        for (Map.Entry<String, Float> entry : weights.entrySet()) {
            if (known.size() < MAX_QUERY_TERMS && entry.getValue() > 0 && inVocabulary(entry.getKey())) {
                known.put(entry.getKey(), entry.getValue());
            }
        }
        return known;
    }

    private Query query(Map<String, Float> weights, Set<String> named, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        named.forEach(id -> query.add(new BoostQuery(new TermQuery(new Term(CONCEPT, id)), conceptWeight),
                Occur.SHOULD));
        weights.forEach((term, weight) -> fieldBoosts.forEach((field, boost) -> {
            if (boost > 0 && vocabulary.get(field).contains(term)) {
                query.add(new BoostQuery(new TermQuery(new Term(field, term)), boost * weight), Occur.SHOULD);
            }
        }));
        query.setMinimumNumberShouldMatch(1);
        if (request.activity() != null) {
            query.add(new TermQuery(new Term(FILTER_ACTIVITY, request.activity().name())), Occur.FILTER);
        }
        if (SearchRequest.STUDY_TEXT.equals(request.caseId())) {
            query.add(new TermQuery(new Term(FILTER_CASE, SearchRequest.STUDY_TEXT)), Occur.FILTER);
        } else if (request.caseId() != null) {
            query.add(new TermQuery(new Term(FILTER_CASE, request.caseId().toUpperCase(Locale.ROOT))), Occur.FILTER);
        }
        if (request.sectionId() != null) {
            query.add(new TermQuery(new Term(FILTER_SECTION, request.sectionId())), Occur.FILTER);
        }
        return query.build();
    }

    /**
     * How much of the question a passage holds, each word weighed by its rarity: "doppelt", in one passage, says more
     * of "Rechnungen doppelt untergejubelt" than "Rechnung", in thirty. A word the study never uses weighs as one it
     * uses once, so it still counts as asked and not found.
     */
    private static double coverage(List<QueryWord> words, double[] weights, Set<String> passageTerms) {
        double total = 0;
        double held = 0;
        for (int i = 0; i < words.size(); i++) {
            total += weights[i];
            held += weights[i] * words.get(i).coverage(passageTerms);
        }
        return total == 0 ? 0.0 : held / total;
    }

    /** BM25's inverse document frequency of each word over the passages' text (the commonest of a phrase's words). */
    private double[] rarity(List<QueryWord> words) {
        double[] weights = new double[words.size()];
        for (int i = 0; i < weights.length; i++) {
            int df = Math.max(1, words.get(i).own().stream().mapToInt(this::textDocFreq).max().orElse(0));
            weights[i] = Math.log(1 + (passages.length - df + 0.5) / (df + 0.5));
        }
        return weights;
    }

    private static Map<String, Float> fieldBoosts(SearchProperties.Boosts boosts) {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(TEXT, boosts.text());
        fields.put(LABEL, boosts.label());
        fields.put(APPLICATION, boosts.application());
        fields.put(BRANCHE, boosts.branche());
        fields.put(ACTIVITY, boosts.activity());
        fields.put(SECTION, boosts.section());
        return Map.copyOf(fields);
    }

    /** Writes one document per passage. */
    static void write(Study study, Directory directory, Analyzer analyzer, StudyConcepts concepts)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (CaseStudy caseStudy : study.cases()) {
                for (Section section : caseStudy.sections()) {
                    for (Passage passage : section.passages()) {
                        Document doc = document(passage, section, concepts);
                        doc.add(new StringField(FILTER_CASE, caseStudy.id(), Field.Store.NO));
                        doc.add(new StringField(FILTER_ACTIVITY, caseStudy.activity().name(), Field.Store.NO));
                        addText(doc, APPLICATION, caseStudy.application());
                        addText(doc, BRANCHE, caseStudy.branche());
                        addText(doc, ACTIVITY, caseStudy.activity().label());
                        writer.addDocument(doc);
                    }
                }
            }
            for (Section section : study.studySections()) {
                for (Passage passage : section.passages()) {
                    Document doc = document(passage, section, concepts);
                    // the study's own text is a filter target of its own, beside the cases
                    doc.add(new StringField(FILTER_CASE, SearchRequest.STUDY_TEXT, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
        }
    }

    private static Document document(Passage passage, Section section, StudyConcepts concepts) {
        Document doc = new Document();
        concepts.of(passage.id()).forEach(id -> doc.add(new StringField(CONCEPT, id, Field.Store.NO)));
        doc.add(new StoredField(ID, passage.id()));
        doc.add(new StringField(FILTER_SECTION, passage.sectionId(), Field.Store.NO));
        addText(doc, TEXT, passage.text());
        addText(doc, LABEL, passage.label());
        addText(doc, SECTION, section.title());
        return doc;
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /**
     * Every term each document holds in its searchable fields, read from the postings: exactly what the analyzer
     * gave for the passage's fields when it was written (the same whether the index was written now or kept).
     */
    @SuppressWarnings("unchecked")
    private static Set<String>[] termsByDoc(IndexReader reader) throws IOException {
        List<Set<String>> terms = new ArrayList<>(reader.maxDoc());
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            terms.add(new HashSet<>());
        }
        for (String field : List.of(TEXT, LABEL, APPLICATION, BRANCHE, ACTIVITY, SECTION)) {
            Terms indexed = MultiTerms.getTerms(reader, field);
            if (indexed == null) {
                continue;
            }
            TermsEnum iterator = indexed.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                String text = term.utf8ToString();
                postings = iterator.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    terms.get(doc).add(text);
                }
            }
        }
        return terms.stream().map(Set::copyOf).toArray(Set[]::new);
    }
}
