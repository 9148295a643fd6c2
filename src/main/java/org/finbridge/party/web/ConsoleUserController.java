package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.invalid;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A party's console users: created by the party's own administrator (or the platform's), then they enrol TOTP. */
@RestController
@RequestMapping("/api/v1/parties/{partyId}/console-users")
class ConsoleUserController {

    private final ConsoleUsers users;

    private final VisibleParties visible;

    ConsoleUserController(ConsoleUsers users, VisibleParties visible) {
        this.visible = visible;
        this.users = users;
    }

    record NewUserBody(String email, String password, ConsoleRole role) {
    }

    record UserView(String id, String partyId, String email, ConsoleRole role, boolean totpEnrolled, Instant lockedUntil,
                    Instant createdAt) {
        static UserView of(ConsoleUser u) {
            return new UserView(u.id(), u.partyId().toString(), u.email(), u.role(), u.totpEnrolled(), u.lockedUntil(),
                    u.createdAt());
        }
    }

    @PostMapping
    @Access(ApiScope.USERS_MANAGE)
    ResponseEntity<?> create(Actor actor, @PathVariable String partyId, @RequestBody NewUserBody body) {
        PartyId party = visible.of(actor, partyId);
        if (body.role() == null) {
            return invalid("role", "is required");
        }
        // nobody creates a person who may do more than they may themselves (operators provision parties)
        if (!actor.isOperator() && !actor.scopes().containsAll(body.role().scopes())) {
            return invalid("role", "you may not create a " + body.role() + ", who may do more than you");
        }
        return switch (users.create(party, body.email(), body.password(), body.role(), actor.name())) {
            case ConsoleUsers.Creation.Created c -> ResponseEntity
                    .created(URI.create("/api/v1/parties/" + party + "/console-users/" + c.user().id()))
                    .body(UserView.of(c.user()));
            case ConsoleUsers.Creation.Refused r -> invalid(r.field(), r.reason());
        };
    }

    @GetMapping
    @Access(ApiScope.USERS_MANAGE)
    List<UserView> list(Actor actor, @PathVariable String partyId) {
        return users.of(visible.of(actor, partyId)).stream().map(UserView::of).toList();
    }
}
