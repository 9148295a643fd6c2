package org.finbridge.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountBalance;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Page;
import org.finbridge.ledger.PostedTransfer;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferFlag;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Access;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.finbridge.party.ApiScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over HTTP. Amounts are integers in minor units; ids carry their prefix ({@code acc_…},
 * {@code tr_…}). A transfers request answers one result per transfer: 200 when every transfer is
 * committed (OK or EXISTS), otherwise 422 with the same per-transfer results. Transfers are independent
 * unless LINKED, so in a mixed request the OK ones are committed; link them for all-or-nothing.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private final Ledger ledger;

    private final AuditLog audit;

    LedgerController(Ledger ledger, AuditLog audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    record CreateAccount(
            String id,
            @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter ISO 4217 code") String currency,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be 1-40 of A-Z, 0-9, _") String type,
            @Size(max = 100) String ownerRef,
            Set<AccountFlag> flags) {
    }

    record AccountView(String id, String currency, String type, String ownerRef, Set<AccountFlag> flags,
                       long debitsPosted, long creditsPosted, long debitsPending, long creditsPending,
                       long postedCreditBalance, long availableCreditBalance, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id().toString(), a.currency().code(), a.type(), a.ownerRef(), a.flags(),
                    a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending(),
                    a.postedCreditBalance().minorUnits(), a.availableCreditBalance().minorUnits(), a.createdAt());
        }
    }

    @PostMapping("/accounts")
    @Access(value = ApiScope.LEDGER_WRITE, operatorOnly = true)
    ResponseEntity<?> createAccount(@Valid @RequestBody CreateAccount body) {
        AccountId id = body.id() == null ? AccountId.next() : AccountId.parse(body.id());
        NewAccount account = new NewAccount(id, CurrencyCode.of(body.currency()), body.type(), body.ownerRef(),
                body.flags() == null || body.flags().isEmpty() ? Set.of() : EnumSet.copyOf(body.flags()));
        AccountResult result = ledger.createAccount(account);
        return switch (result) {
            case OK -> ResponseEntity.created(URI.create("/api/v1/ledger/accounts/" + id)).body(view(id));
            case EXISTS -> ResponseEntity.ok(view(id));
            case EXISTS_WITH_DIFFERENT_FIELDS -> Problems.response(HttpStatus.CONFLICT, result.name(),
                    "account " + id + " exists with other fields");
            case FLAGS_ARE_MUTUALLY_EXCLUSIVE -> Problems.response(HttpStatus.BAD_REQUEST, result.name(),
                    "DEBITS_MUST_NOT_EXCEED_CREDITS and CREDITS_MUST_NOT_EXCEED_DEBITS exclude each other");
        };
    }

    @GetMapping("/accounts/{id}")
    @Access(value = ApiScope.LEDGER_READ, operatorOnly = true)
    AccountView account(@PathVariable String id) {
        return view(accountId(id));
    }

    private AccountView view(AccountId id) {
        return ledger.account(id).map(AccountView::of)
                .orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
    }

    record TransferBody(
            @NotNull String id,
            String debitAccountId,
            String creditAccountId,
            Long amount,
            String currency,
            String pendingId,
            Integer timeoutSeconds,
            @NotBlank String code,
            String externalRef,
            Set<TransferFlag> flags) {
    }

    record CreateTransfers(@NotNull @Valid List<TransferBody> transfers) {
    }

    record Outcome(int index, String id, TransferResult result) {
    }

    record TransferView(long seq, String id, String debitAccountId, String creditAccountId, long amount,
                        String currency, String kind, String pendingId, int timeoutSeconds, Instant expiresAt,
                        String code, String externalRef, boolean linked, Instant createdAt, String holdState) {
        static TransferView of(PostedTransfer t) {
            return new TransferView(t.seq(), t.id().toString(), t.debitAccountId().toString(),
                    t.creditAccountId().toString(), t.amount(), t.currency(), t.kind(),
                    t.pendingId() == null ? null : t.pendingId().toString(), t.timeoutSeconds(), t.expiresAt(),
                    t.code(), t.externalRef(), t.linked(), t.createdAt(), t.holdState());
        }
    }

    record BalanceView(long seq, String transferId, long debitsPosted, long creditsPosted, long debitsPending,
                       long creditsPending, Instant recordedAt) {
        static BalanceView of(AccountBalance b) {
            return new BalanceView(b.seq(), b.transferId().toString(), b.debitsPosted(), b.creditsPosted(),
                    b.debitsPending(), b.creditsPending(), b.recordedAt());
        }
    }

    @PostMapping("/transfers")
    @Access(value = ApiScope.LEDGER_WRITE, operatorOnly = true)
    ResponseEntity<?> createTransfers(@Valid @RequestBody CreateTransfers body) {
        List<TransferBody> in = body.transfers();
        if (in.isEmpty()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "BATCH_EMPTY", "a request carries at least one transfer");
        }
        if (in.size() > Ledger.MAX_TRANSFERS_PER_REQUEST) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE",
                    "a request carries at most " + Ledger.MAX_TRANSFERS_PER_REQUEST + " transfers, this one " + in.size());
        }
        List<Transfer> transfers = new ArrayList<>(in.size());
        for (TransferBody t : in) {
            transfers.add(new Transfer(TransferId.parse(t.id()), optionalAccount(t.debitAccountId()),
                    optionalAccount(t.creditAccountId()), t.amount() == null ? 0 : t.amount(),
                    t.currency() == null ? null : t.currency().toUpperCase(java.util.Locale.ROOT),
                    t.pendingId() == null ? null : TransferId.parse(t.pendingId()),
                    t.timeoutSeconds() == null ? 0 : t.timeoutSeconds(), t.code(),
                    t.externalRef(), t.flags()));
        }
        List<TransferResult> results = ledger.submit(transfers);
        auditNewTransfers(transfers, results);
        List<Outcome> outcomes = new ArrayList<>(results.size());
        boolean allCommitted = true;
        for (int i = 0; i < results.size(); i++) {
            outcomes.add(new Outcome(i, transfers.get(i).id().toString(), results.get(i)));
            allCommitted &= results.get(i).isCommitted();
        }
        if (allCommitted) {
            return ResponseEntity.ok(Map.of("results", outcomes));
        }
        TransferResult first = results.stream().filter(r -> !r.isCommitted()).findFirst().orElseThrow();
        String code = results.size() == 1 ? first.name() : "TRANSFERS_REFUSED";
        long refused = results.stream().filter(r -> !r.isCommitted()).count();
        return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, code,
                refused + " of " + results.size() + " transfers refused; first refusal: " + first,
                Map.of("results", outcomes));
    }

    /**
     * Transfers made by hand through this API are changes by a person or client, so the audit log names
     * who made them. The ledger commits in its own batch transaction, so the record follows the commit;
     * the transfers themselves are immutable and carry their ids, so the record points at them.
     */
    private void auditNewTransfers(List<Transfer> transfers, List<TransferResult> results) {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == TransferResult.OK) {
                created.add(transfers.get(i).id().toString());
            }
        }
        if (created.isEmpty()) {
            return;
        }
        Acting.As as = Acting.current().orElse(new Acting.As("system", null));
        String ids = String.join(" ", created.subList(0, Math.min(created.size(), 50)))
                + (created.size() > 50 ? " …" : "");
        audit.append(new AuditEntry(as.name(), as.role(), "ledger.transfer.create", "ledger_transfer", created.get(0),
                null, created.size() + " transfers: " + ids, RequestIds.current().orElse(null)));
    }

    @GetMapping("/transfers/{id}")
    @Access(value = ApiScope.LEDGER_READ, operatorOnly = true)
    TransferView transfer(@PathVariable String id) {
        TransferId transferId;
        try {
            transferId = TransferId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("TRANSFER_NOT_FOUND", "no transfer " + id);
        }
        return ledger.transfer(transferId).map(TransferView::of)
                .orElseThrow(() -> new NotFoundException("TRANSFER_NOT_FOUND", "no transfer " + id));
    }

    @GetMapping("/accounts/{id}/transfers")
    @Access(value = ApiScope.LEDGER_READ, operatorOnly = true)
    Page<TransferView> transfers(@PathVariable String id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "100") int limit) {
        AccountId account = accountId(id);
        view(account);
        Page<PostedTransfer> page = ledger.transfers(account, cursor, clampLimit(limit));
        return new Page<>(page.items().stream().map(TransferView::of).toList(), page.nextCursor());
    }

    @GetMapping("/accounts/{id}/balances")
    @Access(value = ApiScope.LEDGER_READ, operatorOnly = true)
    Page<BalanceView> balances(@PathVariable String id, @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "100") int limit) {
        AccountId account = accountId(id);
        view(account);
        Page<AccountBalance> page = ledger.balanceHistory(account, cursor, clampLimit(limit));
        return new Page<>(page.items().stream().map(BalanceView::of).toList(), page.nextCursor());
    }

    private static int clampLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return limit;
    }

    private static AccountId accountId(String text) {
        try {
            return AccountId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + text);
        }
    }

    private static AccountId optionalAccount(String text) {
        return text == null ? null : AccountId.parse(text);
    }
}
