package de.studienlotse.feedback;

import de.studienlotse.database.PostgresTest;
import de.studienlotse.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresTest
class FeedbackApiPostgresTests extends FeedbackApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().register(registry);
    }
}
