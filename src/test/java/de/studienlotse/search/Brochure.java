package de.studienlotse.search;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.Study;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real brochure, parsed once per test JVM: tests run against the study's own words. Shared read-only by the tests
 * of every package that needs the real study or its index.
 */
public final class Brochure {

    static final String RESOURCE = "corpus/studie-02-best-practices-ki-kmu.txt";

    private static Study study;
    private static PassageIndex index;

    private Brochure() {
    }

    public static synchronized Study study() {
        if (study == null) {
            try (InputStream in = Brochure.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                study = BrochureParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return study;
    }

    /** The production set-up ({@link PassageIndex#create}) with default settings; shared, read-only. */
    public static synchronized PassageIndex index() {
        if (index == null) {
            index = PassageIndex.create(study(), SearchProperties.defaults());
        }
        return index;
    }
}
