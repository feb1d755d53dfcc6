package de.studienlotse.evaluation.workbench;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresTest
class WorkbenchApiPostgresTests extends WorkbenchApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().register(registry);
    }
}
