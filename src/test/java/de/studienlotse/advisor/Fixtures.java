package de.studienlotse.advisor;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.SearchProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real brochure, its index and our category mapping, built once per test JVM and shared read-only. */
final class Fixtures {

    private static Study study;
    private static PassageIndex index;
    private static CategoryMapping mapping;

    private Fixtures() {
    }

    static synchronized Study study() {
        if (study == null) {
            try (InputStream in = Fixtures.class.getClassLoader()
                    .getResourceAsStream("corpus/studie-02-best-practices-ki-kmu.txt")) {
                study = BrochureParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return study;
    }

    static synchronized PassageIndex index() {
        if (index == null) {
            index = PassageIndex.create(study(), SearchProperties.defaults());
        }
        return index;
    }

    static synchronized CategoryMapping mapping() {
        if (mapping == null) {
            mapping = CategoryMapping.parse(AdvisorConfiguration.read(AdvisorConfiguration.MAPPING), study());
        }
        return mapping;
    }
}
