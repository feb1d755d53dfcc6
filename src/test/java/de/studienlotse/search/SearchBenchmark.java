package de.studienlotse.search;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One search as the service runs it: analysis of the question (with bridges) plus the Lucene query, k = 10, over the
 * whole parsed brochure. {@code ./mvnw -q test-compile exec:exec@bench -Dbench.args="SearchBenchmark -f 1 -wi 3 -i 5"}
 * (the p0.50 line of SampleTime is the median).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SearchBenchmark {

    /** Realistic questions of SME owners, written for the benchmark. */
    @Param({
            "Wie lange hat die Einführung der Rechnungsverarbeitung gedauert?",
            "Welche Herausforderungen gab es beim Datenschutz?",
            "Wie haben die Firmen ihre Kollegen von der KI überzeugt?",
            "War ein Betriebsrat beteiligt und welche Tipps gibt es für die interne Kommunikation?",
            "What were the success factors for capacity planning?"
    })
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
