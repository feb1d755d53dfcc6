package de.studienlotse.search;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link SearchBenchmark} and {@code answer.AnswerBenchmark} share, so their figures compare: JMH's settings (JMH
 * inherits them) and the questions of SME owners written for the benchmarks. Sample time in microseconds; the p0.50
 * line is the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public abstract class StudyBenchmark {

    public static final String DURATION = "Wie lange hat die Einführung der Rechnungsverarbeitung gedauert?";
    public static final String PRIVACY = "Welche Herausforderungen gab es beim Datenschutz?";
    public static final String PERSUASION = "Wie haben die Firmen ihre Kollegen von der KI überzeugt?";
    public static final String WORKS_COUNCIL =
            "War ein Betriebsrat beteiligt und welche Tipps gibt es für die interne Kommunikation?";
    public static final String ENGLISH = "What were the success factors for capacity planning?";
    /** What the study does not cover. */
    public static final String OUT_OF_SCOPE = "Welche Förderprogramme gibt es in Bayern?";
}
