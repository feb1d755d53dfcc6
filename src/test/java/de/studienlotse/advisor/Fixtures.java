package de.studienlotse.advisor;

import de.studienlotse.search.Brochure;


/** Our category mapping over the real brochure ({@link Brochure}), built once per test JVM and shared read-only. */
final class Fixtures {

    private static CategoryMapping mapping;

    private Fixtures() {
    }

    static synchronized CategoryMapping mapping() {
        if (mapping == null) {
            mapping = CategoryMapping.parse(AdvisorConfiguration.read(AdvisorConfiguration.MAPPING), Brochure.study());
        }
        return mapping;
    }
}
