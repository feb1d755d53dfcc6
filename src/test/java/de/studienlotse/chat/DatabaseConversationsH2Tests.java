package de.studienlotse.chat;

import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

class DatabaseConversationsH2Tests extends DatabaseConversationsContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.h2();
    }
}
