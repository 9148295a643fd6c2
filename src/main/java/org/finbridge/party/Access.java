package org.finbridge.party;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an HTTP endpoint needs: the scope the actor must hold and, where the endpoint serves
 * only some kinds of party, those kinds (operators holding the scope are always admitted, since they
 * act for the platform). Every handler under {@code /api/} carries one; a handler without it is
 * refused at run time and fails the build's access test. Object ownership is checked by the handler
 * itself with {@link Actor#mayAccess}, answering 404 for another party's object.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    ApiScope value();

    /** The party kinds this endpoint serves besides operators; empty means every kind. */
    PartyKind[] kinds() default {};

    /** True for endpoints only operators may call (ledger internals, review queues). */
    boolean operatorOnly() default false;
}
