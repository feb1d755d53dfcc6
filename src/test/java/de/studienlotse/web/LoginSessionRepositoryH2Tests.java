package de.studienlotse.web;

import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

class LoginSessionRepositoryH2Tests extends LoginSessionRepositoryContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.h2();
    }
}
