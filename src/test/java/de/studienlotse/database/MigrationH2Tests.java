package de.studienlotse.database;

class MigrationH2Tests extends MigrationContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.h2();
    }
}
