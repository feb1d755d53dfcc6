package de.studienlotse.chat;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

@PostgresTest
class DatabaseConversationsPostgresTests extends DatabaseConversationsContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.postgres();
    }
}
