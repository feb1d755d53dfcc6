package de.studienlotse.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that needs the PostgreSQL server of {@link TestDatabases}. Without one it is skipped, with the reason,
 * except in CI ({@code CI=true}), where it runs and fails: PostgreSQL tests must not silently vanish there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresTest.ServerAvailable.class)
public @interface PostgresTest {

    class ServerAvailable implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabases.postgresServer().isPresent()) {
                return ConditionEvaluationResult.enabled("PostgreSQL server available");
            }
            if (TestDatabases.inCi()) {
                return ConditionEvaluationResult.enabled("CI=true: running without a PostgreSQL server, to fail loudly");
            }
            return ConditionEvaluationResult.disabled(TestDatabases.NO_SERVER + "; skipped (CI=true would fail instead)");
        }
    }
}
