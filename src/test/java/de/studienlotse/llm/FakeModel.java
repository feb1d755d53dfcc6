package de.studienlotse.llm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import de.studienlotse.llm.FakeLlmServer.Protocol;

/**
 * Gives the annotated Spring test's context a {@link FakeLlmServer} speaking this protocol, as a bean to autowire, and
 * points {@code studienlotse.llm.provider}, {@code base-url} and {@code model} at it; closed with the context.
 * One annotation instead of a static server, a property source and a stop method in every backend test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FakeModel {

    Protocol value();

    /** The model name configured, which must reach the wire. */
    String model();
}
