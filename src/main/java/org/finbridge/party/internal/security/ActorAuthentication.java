package org.finbridge.party.internal.security;

import org.finbridge.party.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Actor} as Spring Security holds it; the authorities are its scopes. */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(authorities(actor));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.name();
    }

    static java.util.Optional<Actor> current() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ActorAuthentication a ? java.util.Optional.of(a.actor) : java.util.Optional.empty();
    }


    /** The scopes, plus PARTY_OPERATOR for the platform's operators (who alone read the actuator). */
    private static java.util.List<SimpleGrantedAuthority> authorities(Actor actor) {
        var list = new java.util.ArrayList<SimpleGrantedAuthority>();
        actor.scopes().forEach(s -> list.add(new SimpleGrantedAuthority("SCOPE_" + s.code())));
        if (actor.isOperator()) {
            list.add(new SimpleGrantedAuthority("PARTY_OPERATOR"));
        }
        return list;
    }
}
