package de.studienlotse.chat;

import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;

class ChatStorageH2Tests extends ChatStorageContract {

    @Override
    TestDatabase emptyDatabase() {
        return TestDatabases.h2();
    }
}
