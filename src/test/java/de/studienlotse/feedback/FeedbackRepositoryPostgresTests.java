package de.studienlotse.feedback;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

@PostgresTest
class FeedbackRepositoryPostgresTests extends FeedbackRepositoryContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.postgres();
    }
}
