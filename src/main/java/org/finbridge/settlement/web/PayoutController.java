package org.finbridge.settlement.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutBatchFile;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts over HTTP: a merchant pays out its available balance to its verified bank account and sees its
 * own payouts; operators write the bank files, download them and feed back the banks' pain.002 reports.
 */
@RestController
class PayoutController {

    private final Payouts payouts;

    PayoutController(Payouts payouts) {
        this.payouts = payouts;
    }

    /** @param merchantId only for operators paying out for a merchant; a merchant pays out its own balance */
    record PayoutBody(String merchantId, Long amount, String currency, String bankAccountId, String deadline, String reference) {
    }

    record BatchBody(String currency) {
    }

    record BatchView(String id, String messageId, String messageType, String currency, String rail, int numberOfTransactions,
                     BigDecimal controlSum, String createdAt, String fileBase64) {
        static BatchView of(PayoutBatchFile f, boolean withFile) {
            return new BatchView(f.id(), f.messageId(), f.messageType(), f.currency(), f.rail(), f.numberOfTransactions(),
                    f.controlSum(), f.createdAt().toString(), withFile ? Base64.getEncoder().encodeToString(f.xml()) : null);
        }
    }

    @PostMapping("/api/v1/payouts")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> create(Actor actor, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                             @RequestBody PayoutBody body) {
        PartyId merchant;
        if (actor.isOperator()) {
            try {
                merchant = PartyId.parse(body.merchantId());
            } catch (RuntimeException e) {
                return invalid("merchantId", "the merchant to pay out for");
            }
        } else {
            merchant = actor.partyId();
        }
        LocalDate deadline = null;
        if (body.deadline() != null) {
            try {
                deadline = LocalDate.parse(body.deadline());
            } catch (DateTimeParseException e) {
                return invalid("deadline", "a date like 2026-12-01");
            }
        }
        String reference = body.reference() != null ? body.reference() : key;
        NewPayout np = new NewPayout(merchant, body.amount() == null ? 0 : body.amount(), body.currency(), body.bankAccountId(),
                deadline, reference);
        return switch (payouts.create(actor, np)) {
            case PayoutResult.Done d -> ResponseEntity.created(URI.create("/api/v1/payouts")).body(d.payout());
            case PayoutResult.Existing e -> ResponseEntity.ok(e.payout());
            // the bank account is named in the body, not the path: an unknown or another party's answers 422 alike
            case PayoutResult.NotFound nf -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_" + code(nf.what()),
                    "no such " + nf.what() + " of this merchant");
            case PayoutResult.BankAccountNotVerified b -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "BANK_ACCOUNT_NOT_VERIFIED", "bank account " + b.bankAccountId() + " is not verified");
            case PayoutResult.InsufficientFunds f -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_FUNDS",
                    "the available balance is " + f.availableMinorUnits());
            case PayoutResult.NoRailMeetsDeadline n -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "NO_RAIL_MEETS_DEADLINE", "the earliest arrival is " + n.earliestArrival());
            case PayoutResult.ConversionRefused c -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "CONVERSION_REFUSED",
                    c.reason());
            case PayoutResult.MerchantSuspended s -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "MERCHANT_SUSPENDED",
                    "the merchant is suspended: its balance cannot be paid out");
            case PayoutResult.Invalid i -> invalid(i.field(), i.reason());
        };
    }

    @GetMapping("/api/v1/payouts")
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    List<Payout> list(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return payouts.list(actor, limit);
    }

    @PostMapping("/api/v1/payouts/batches")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> writeBatch(Actor actor, @RequestBody BatchBody body) {
        return payouts.writeBatch(actor, body.currency())
                .<ResponseEntity<?>>map(f -> ResponseEntity.status(HttpStatus.CREATED).body(BatchView.of(f, false)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/payouts/cross-border-messages")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    List<BatchView> sendCrossBorder(Actor actor, @RequestBody BatchBody body) {
        return payouts.sendCrossBorder(actor, body.currency()).stream().map(f -> BatchView.of(f, false)).toList();
    }

    @GetMapping("/api/v1/payouts/batches")
    @Access(value = ApiScope.PAYMENTS_READ, operatorOnly = true)
    List<BatchView> batches(Actor actor, @RequestParam(defaultValue = "20") int limit,
                            @RequestParam(defaultValue = "false") boolean withFiles) {
        return payouts.batches(actor, limit).stream().map(f -> BatchView.of(f, withFiles)).toList();
    }

    @PostMapping("/api/v1/payouts/status-reports")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> statusReport(Actor actor, @RequestBody byte[] pain002) {
        Payouts.StatusReportOutcome o = payouts.applyStatusReport(actor, pain002);
        if (!o.readable()) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNREADABLE_STATUS_REPORT", o.problem());
        }
        return ResponseEntity.ok(o);
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason);
    }

    private static String code(String what) {
        return what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    }
}
