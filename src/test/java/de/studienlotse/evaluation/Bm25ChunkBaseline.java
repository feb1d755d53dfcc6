package de.studienlotse.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Baseline (a), what a search box over the PDF's text would do: the raw brochure text cut into fixed windows of
 * {@value #CHUNK} characters overlapping by {@value #OVERLAP} (a window starts every 450 characters, wherever that
 * falls, mid-word included), indexed with Lucene's {@link StandardAnalyzer} (no stop words, no stemming) and
 * searched with BM25 (k1 1.2, b 0.75). The question's tokens are OR-ed; no query syntax. A chunk counts for every
 * case and study section it overlaps ({@link BrochureSpans}).
 */
final class Bm25ChunkBaseline implements RankedSearch {

    static final int CHUNK = 500;
    static final int OVERLAP = 50;
    private static final String TEXT = "text";
    private static final String START = "start";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexSearcher searcher;
    private final StoredFields stored;
    private final List<Hit> hits;
    private final List<int[]> chunks;

    Bm25ChunkBaseline(String text, BrochureSpans spans) {
        this.chunks = chunks(text.length());
        this.hits = chunks.stream().map(c -> spans.hit(c[0], c[1])).toList();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (int[] chunk : chunks) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, text.substring(chunk[0], chunk[1]), Field.Store.NO));
                doc.add(new StoredField(START, chunk[0]));
                writer.addDocument(doc);
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.searcher.setSimilarity(new BM25Similarity());
            this.stored = reader.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Windows {@code [start, end)}: start 0, 450, 900 …; the last one ends at the end of the text. */
    static List<int[]> chunks(int length) {
        List<int[]> chunks = new ArrayList<>();
        for (int start = 0; start < length; start += CHUNK - OVERLAP) {
            chunks.add(new int[]{start, Math.min(length, start + CHUNK)});
            if (start + CHUNK >= length) {
                break;
            }
        }
        return chunks;
    }

    int size() {
        return chunks.size();
    }

    @Override
    public List<Hit> search(String question, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, question)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            int clauses = 0;
            while (tokens.incrementToken() && clauses++ < IndexSearcher.getMaxClauseCount()) {
                query.add(new TermQuery(new Term(TEXT, term.toString())), Occur.SHOULD);
            }
            tokens.end();
            List<Hit> found = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query.build(), k).scoreDocs) {
                int start = stored.document(doc.doc).getField(START).numericValue().intValue();
                found.add(hits.get(start / (CHUNK - OVERLAP)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
