package de.studienlotse.feedback;

import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

class FeedbackRepositoryH2Tests extends FeedbackRepositoryContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.h2();
    }
}
