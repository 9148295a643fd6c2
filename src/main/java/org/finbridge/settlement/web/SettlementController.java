package org.finbridge.settlement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentId;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementResult;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunId;
import org.finbridge.settlement.SettlementStatement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settlement over HTTP: merchants read their policy and statements; operators set policies, record
 * deliveries and trigger runs. Another party's merchant or payment answers 404 like a nonexistent one.
 */
@RestController
class SettlementController {

    private final Settlement settlement;

    SettlementController(Settlement settlement) {
        this.settlement = settlement;
    }

    record PolicyBody(ReleaseMode mode, Integer holdingDays, String calendar, Long reserveBasisPoints, Integer reserveDays,
                      Long minimumPayoutMinorUnits) {
    }

    record PolicyView(String merchantId, SettlementPolicy policy) {
    }

    record RunBody(String businessDate) {
    }

    record RunView(String id, String businessDate, String status, int lines, int posted, int refused, String createdAt,
                   String completedAt) {
        static RunView of(SettlementRun r) {
            return new RunView(r.id().toString(), r.businessDate().toString(), r.status().name(), r.lines(), r.posted(),
                    r.refused(), String.valueOf(r.createdAt()), r.completedAt() == null ? null : r.completedAt().toString());
        }
    }

    record StatementView(String id, String runId, String merchantId, String currency, long released, long recovered,
                         long reserveWithheld, long reserveReleased, long netToAvailable, List<SettlementStatement.Line> lines,
                         String createdAt) {
        static StatementView of(SettlementStatement s) {
            return new StatementView(s.id(), s.runId().toString(), s.merchantId().toString(), s.currency(), s.released(),
                    s.recovered(), s.reserveWithheld(), s.reserveReleased(), s.netToAvailable(), s.lines(),
                    s.createdAt().toString());
        }
    }

    record DeliveryView(String paymentId, boolean alreadyKnown) {
    }

    @GetMapping("/api/v1/settlement/parties/{partyId}/policy")
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    PolicyView policy(Actor actor, @PathVariable String partyId) {
        PartyId merchant = party(partyId);
        return settlement.policy(actor, merchant).map(p -> new PolicyView(merchant.toString(), p))
                .orElseThrow(() -> notFound(partyId));
    }

    @PostMapping("/api/v1/settlement/parties/{partyId}/policy")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> setPolicy(Actor actor, @PathVariable String partyId, @RequestBody PolicyBody body) {
        PartyId merchant = party(partyId);
        SettlementPolicy standard = SettlementPolicy.standard();
        SettlementPolicy policy = new SettlementPolicy(body.mode() == null ? standard.mode() : body.mode(),
                body.holdingDays() == null ? standard.holdingDays() : body.holdingDays(),
                body.calendar() == null ? standard.calendar() : body.calendar(),
                body.reserveBasisPoints() == null ? standard.reserveBasisPoints() : body.reserveBasisPoints(),
                body.reserveDays() == null ? standard.reserveDays() : body.reserveDays(),
                body.minimumPayoutMinorUnits() == null ? standard.minimumPayoutMinorUnits() : body.minimumPayoutMinorUnits());
        return switch (settlement.setPolicy(actor, merchant, policy)) {
            case SettlementResult.PolicySet set -> ResponseEntity.ok(new PolicyView(merchant.toString(), set.policy()));
            case SettlementResult.InvalidPolicy invalid -> Problems.response(HttpStatus.BAD_REQUEST, "INVALID_POLICY", invalid.detail());
            case SettlementResult.NotFound nf -> throw notFound(partyId);
            case SettlementResult.DeliveryRecorded d -> throw new IllegalStateException("unexpected " + d);
        };
    }

    @GetMapping("/api/v1/settlement/parties/{partyId}/statements")
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    List<StatementView> statements(Actor actor, @PathVariable String partyId, @RequestParam(required = false) String run,
                                   @RequestParam(defaultValue = "20") int limit) {
        PartyId merchant = party(partyId);
        SettlementRunId runId = null;
        if (run != null) {
            try {
                runId = SettlementRunId.parse(run);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("RUN_NOT_FOUND", "no such settlement run: " + run);
            }
        }
        return settlement.statements(actor, merchant, runId, limit).orElseThrow(() -> notFound(partyId)).stream()
                .map(StatementView::of).toList();
    }

    @PostMapping("/api/v1/settlement/runs")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> run(Actor actor, @RequestBody RunBody body) {
        LocalDate date;
        try {
            date = LocalDate.parse(body.businessDate());
        } catch (DateTimeParseException | NullPointerException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "businessDate must be a date like 2026-11-27");
        }
        return ResponseEntity.ok(RunView.of(settlement.run(date, actor.name())));
    }

    @GetMapping("/api/v1/settlement/runs")
    @Access(value = ApiScope.PAYMENTS_READ, operatorOnly = true)
    List<RunView> runs(Actor actor, @RequestParam(defaultValue = "20") int limit) {
        return settlement.runs(limit).stream().map(RunView::of).toList();
    }

    @PostMapping("/api/v1/settlement/payments/{id}/delivery")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    DeliveryView delivery(Actor actor, @PathVariable String id) {
        PaymentId payment;
        try {
            payment = PaymentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("PAYMENT_NOT_FOUND", "no such payment: " + id);
        }
        return switch (settlement.confirmDelivery(actor, payment)) {
            case SettlementResult.DeliveryRecorded d -> new DeliveryView(payment.toString(), d.alreadyKnown());
            default -> throw new NotFoundException("PAYMENT_NOT_FOUND", "no such payment: " + id);
        };
    }

    private static PartyId party(String text) {
        try {
            return PartyId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound(text);
        }
    }

    private static NotFoundException notFound(String party) {
        return new NotFoundException("MERCHANT_NOT_FOUND", "no such merchant: " + party);
    }
}
