package org.finbridge.trade.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.DeclarationResult;
import org.finbridge.trade.Declarations;
import org.finbridge.trade.NewDeclaration;
import org.finbridge.trade.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customs declarations reported one at a time. */
@Service
class DeclarationService implements Declarations {

    private final DeclarationStore declarations;
    private final PartyDirectory parties;
    private final TradeRecordService records;
    private final TradeAudit audit;
    private final Transactions transactions;
    private final Clock clock;

    DeclarationService(DeclarationStore declarations, PartyDirectory parties, TradeRecordService records, TradeAudit audit,
                       Transactions transactions, Clock clock) {
        this.declarations = declarations;
        this.parties = parties;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public DeclarationResult submit(NewDeclaration submitted, Actor actor) {
        if (!mayDeclare(actor)) {
            return new DeclarationResult.Invalid(List.of(new Violation("merchantId",
                    "declarations are reported by merchants, or by marketplaces for their sellers")));
        }
        return transactions.submit(() -> {
            Checked<Declaration> checked = DeclarationValidation.validate(submitted, actor, parties.lookup(),
                    DeclarationId.next(clock), clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (!checked.isValid()) {
                return new DeclarationResult.Invalid(checked.violations());
            }
            Declaration declaration = checked.value();
            Optional<Declaration> existing = declarations.findByNumber(declaration.declarationNumber());
            if (existing.isPresent()) {
                return existing.get().sameContentAs(declaration) ? new DeclarationResult.AlreadyRecorded(existing.get())
                        : new DeclarationResult.NumberTaken(existing.get());
            }
            declarations.insert(List.of(declaration), null);
            records.recheck(List.of(declaration.order()), Map.of());
            audit.record(actor, "trade.declaration.submit", "trade_declaration", declaration.id().toString(),
                    Summaries.of(declaration));
            return new DeclarationResult.Recorded(declaration);
        });
    }

    static boolean mayDeclare(Actor actor) {
        return actor.isOperator() || actor.partyKind() == PartyKind.MERCHANT || actor.partyKind() == PartyKind.MARKETPLACE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Declaration> find(DeclarationId id) {
        return declarations.find(id);
    }
}
