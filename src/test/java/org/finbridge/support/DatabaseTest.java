package org.finbridge.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs a real database: it runs on H2 and again on PostgreSQL (tag {@code database}),
 * and is skipped with a message in the PostgreSQL pass when no server answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(RequiresTestDatabase.class)
public @interface DatabaseTest {
}
