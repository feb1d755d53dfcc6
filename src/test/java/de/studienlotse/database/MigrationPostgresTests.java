package de.studienlotse.database;

@PostgresTest
class MigrationPostgresTests extends MigrationContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.postgres();
    }
}
