package de.studienlotse.web;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

@PostgresTest
class LoginSessionRepositoryPostgresTests extends LoginSessionRepositoryContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.postgres();
    }
}
