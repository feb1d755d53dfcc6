package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Pins everything the parser reads from the brochure the service ships (cases, CaseFacts, section titles, every passage)
 * against {@code brochure-snapshot.tsv}, written by the parser before it was split into its readers. Passage ids are
 * referenced by {@code concepts/passagen-konzepte.tsv} and the evaluation sets, so none may move.
 *
 * <p>On a difference the actual rendering is written to {@code target/brochure-snapshot.tsv}; diff it, and copy it over
 * the resource only when the change is meant.
 */
class BrochureSnapshotTests {

    static final String BROCHURE = "/corpus/studie-02-best-practices-ki-kmu.txt";
    static final String SNAPSHOT = "/brochure-snapshot.tsv";

    @Test
    void should_read_the_brochure_exactly_as_the_snapshot_records() throws IOException {
        // given
        String expected = resource(SNAPSHOT);

        // when
        String actual = render(BrochureParser.parse(Objects.requireNonNull(resource(BROCHURE))));

        // then
        if (!actual.equals(expected)) {
            Files.writeString(Path.of("target", "brochure-snapshot.tsv"), actual);
        }
        assertThat(expected).as("snapshot %s on the test class path", SNAPSHOT).isNotNull();
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int row = firstDifference(want, got);
        // one row in the message, not the whole 120 KB
        assertThat(row < got.size() ? got.get(row) : "<end>").as("row %d of %s", row + 1, SNAPSHOT)
                .isEqualTo(row < want.size() ? want.get(row) : "<end>");
    }

    @Test
    void should_keep_every_passage_id_the_concept_tags_refer_to() throws IOException {
        // given: the tag rows after the header, as the search package reads them
        List<String> tagged = Objects.requireNonNull(resource("/concepts/passagen-konzepte.tsv")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).skip(1)
                .map(line -> line.split("\t")[0]).toList();

        // when
        Study study = BrochureParser.parse(Objects.requireNonNull(resource(BROCHURE)));

        // then
        assertThat(tagged).hasSizeGreaterThan(400).allSatisfy(id -> assertThat(study.passage(id)).isPresent());
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    /**
     * One row per fact, tab-separated; {@code \N} is null, and backslash, tab and line break inside a value are escaped,
     * so a row is one line.
     */
    static String render(Study study) {
        List<String> rows = new ArrayList<>();
        for (CaseStudy c : study.cases()) {
            CaseFacts f = c.facts();
            rows.add(row("case", c.id(), c.activity().name(), c.branche(), c.application()));
            rows.add(row("facts", c.id(), f.duration(), f.externalSupport(), f.worksCouncil(), f.documentation(),
                    f.guideline(), f.furtherApplications()));
            f.printed().forEach(line -> rows.add(row("printed", c.id(), line)));
            c.sections().forEach(s -> rows.add(row("section", c.id(), s.id(), s.title())));
        }
        study.studySections().forEach(s -> rows.add(row("section", null, s.id(), s.title())));
        for (Passage p : study.passages()) {
            rows.add(row("passage", p.id(), p.caseId(), p.sectionId(), p.kind(), p.label(), p.text()));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String row(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value == null ? "\\N" : value.toString()
                    .replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        return String.join("\t", cells);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BrochureSnapshotTests.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
