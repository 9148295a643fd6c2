package org.finbridge.party;

import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request: a machine client with an API key, a person with a console session, or the
 * platform itself. Controllers receive it as a method parameter; services decide with it.
 *
 * <p>Isolation rule (issue 3): a party sees only its own objects, and another party's object answers
 * 404 exactly like a nonexistent one, so that ids cannot be probed. Only the platform's operators act
 * across parties, and then only within their scopes.
 *
 * @param id the API key id or console user id
 * @param name how the audit log names the actor: {@code key:<prefix>} or {@code user:<email>}
 * @param role the console role, or null for an API key
 * @param scopes what the actor may do: a key's scopes, or those of the console role
 */
public record Actor(String id, String name, Channel channel, PartyId partyId, PartyKind partyKind, ConsoleRole role,
                    Set<ApiScope> scopes) {

    public enum Channel { API_KEY, CONSOLE }

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(partyKind, "partyKind");
        scopes = Set.copyOf(scopes);
    }

    public boolean isOperator() {
        return partyKind == PartyKind.OPERATOR;
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }

    /** True when the object owned by {@code owner} is visible to this actor: its own, or any for an operator. */
    public boolean mayAccess(PartyId owner) {
        return isOperator() || partyId.equals(owner);
    }

    /** The role written to the audit log: the console role, or {@code API_KEY} for a machine client. */
    public String auditRole() {
        return role != null ? role.name() : "API_KEY:" + partyKind.name();
    }
}
