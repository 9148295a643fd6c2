package org.finbridge.party.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.NewParty;
import org.finbridge.party.OperatorBootstrap;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OperatorBootstrapService implements OperatorBootstrap {

    private static final String ACTOR = "cli:operator-bootstrap";

    private final Parties parties;
    private final ConsoleUsers users;
    private final ApiKeys keys;
    private final SecureRandom random = new SecureRandom();

    OperatorBootstrapService(Parties parties, ConsoleUsers users, ApiKeys keys) {
        this.parties = parties;
        this.users = users;
        this.keys = keys;
    }

    @Override
    @Transactional
    public Result bootstrap(String administratorEmail, String country) {
        Party operator = parties.list(PartyKind.OPERATOR, 1).stream().findFirst().orElse(null);
        if (operator == null) {
            Registration r = parties.register(new NewParty(PartyKind.OPERATOR, country, "Finbridge operations", null,
                    administratorEmail, null, Map.of()));
            if (!(r instanceof Registration.Registered registered)) {
                return new Result.Refused("the operator party could not be registered: " + r);
            }
            operator = registered.party();
        }
        // 24 random bytes: 32 URL-safe characters, well inside BCrypt's 72-byte limit
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return switch (users.create(operator.id(), administratorEmail, password, ConsoleRole.OPERATOR_ADMIN, ACTOR)) {
            case ConsoleUsers.Creation.Refused refused -> new Result.Refused(refused.field() + " " + refused.reason());
            case ConsoleUsers.Creation.Created created -> switch (keys.issue(operator.id(),
                    ApiScope.grantableTo(PartyKind.OPERATOR), "operator automation (bootstrap)", ACTOR)) {
                case ApiKeyResult.Issued issued -> new Result.Bootstrapped(operator.id(), created.user(), password,
                        issued.key(), issued.secret());
                default -> throw new IllegalStateException("could not issue the operator key");
            };
        };
    }
}
