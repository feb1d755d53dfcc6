package de.studienlotse.search;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.List;

/**
 * One search as the service runs it: analysis of the question (with bridges) plus the Lucene query, k = 10, over the
 * whole parsed brochure. {@code ./mvnw -q test-compile exec:exec@bench -Dbench.args="SearchBenchmark -f 1 -wi 3 -i 5"}
 * (the p0.50 line of SampleTime is the median).
 */
public class SearchBenchmark extends StudyBenchmark {

    /** Realistic questions of SME owners, written for the benchmark. */
    @Param({DURATION, PRIVACY, PERSUASION, WORKS_COUNCIL, ENGLISH})
    public String question;

    private PassageIndex index;
    private SearchRequest request;

    @Setup(Level.Trial)
    public void buildIndex() {
        index = PassageIndex.create(Brochure.study(), SearchProperties.defaults());
        request = SearchRequest.of(question, 10);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public List<SearchHit> search() {
        return index.search(request);
    }
}
