package de.studienlotse;

import de.studienlotse.database.TestDatabase;
import de.studienlotse.database.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** Proof (a) on the default database: the service's H2 file. */
class LoadProofH2IT extends LoadProofContract {

    @BeforeAll
    static void startService() {
        TestDatabase h2 = TestDatabases.h2();
        start(h2, h2.r2dbcUrl());
    }

    @Override
    String databaseName() {
        return "H2";
    }
}
