package org.finbridge.trade;

import java.util.Optional;
import org.finbridge.party.Actor;

/** Customs declarations, reported by merchants or by their marketplace. */
public interface Declarations {

    DeclarationResult submit(NewDeclaration declaration, Actor actor);

    Optional<Declaration> find(DeclarationId id);
}
