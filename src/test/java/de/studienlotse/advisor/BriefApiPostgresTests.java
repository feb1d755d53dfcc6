package de.studienlotse.advisor;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresTest
class BriefApiPostgresTests extends BriefApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().register(registry);
        users(registry);
    }
}
