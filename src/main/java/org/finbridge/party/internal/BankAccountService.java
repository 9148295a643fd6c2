package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.IdentifierKind;
import org.finbridge.party.Identifiers;
import org.finbridge.party.Validation;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BankAccountService implements BankAccounts {

    static final String PREFIX = "ba";

    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final AuditLog audit;
    private final Clock clock;

    BankAccountService(JdbcClient jdbc, PartyStore parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.parties = parties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public BankAccountResult add(PartyId partyId, NewBankAccount a, String actor) {
        Optional<Party> party = parties.find(partyId);
        if (party.isEmpty()) {
            return new BankAccountResult.NotFound("party " + partyId);
        }
        if (a.currency() == null || !CurrencyCode.isKnown(a.currency())) {
            return new BankAccountResult.InvalidField("currency", "an ISO 4217 currency code");
        }
        if (a.holderName() == null || a.holderName().isBlank() || a.holderName().length() > 200) {
            return new BankAccountResult.InvalidField("holderName", "is required, at most 200 characters");
        }
        String iban = null;
        String country = a.country() == null ? null : a.country().toUpperCase(Locale.ROOT);
        if (a.iban() != null && !a.iban().isBlank()) {
            switch (Identifiers.validate(IdentifierKind.IBAN, a.iban(), today())) {
                case Validation.Invalid bad -> {
                    return new BankAccountResult.InvalidField("iban", bad.reason());
                }
                case Validation.Valid ok -> iban = ok.normalized();
            }
            country = iban.substring(0, 2);
        } else if (a.accountNumber() == null || !a.accountNumber().strip().matches("[0-9A-Za-z -]{4,40}")) {
            return new BankAccountResult.InvalidField("accountNumber", "an IBAN or an account number of 4-40 characters is required");
        }
        if (!Countries.isIso(country)) {
            return new BankAccountResult.InvalidField("country", "an ISO 3166-1 alpha-2 country code");
        }
        Validation bicCheck = optional(IdentifierKind.BIC, a.bic());
        if (bicCheck instanceof Validation.Invalid bad) {
            return new BankAccountResult.InvalidField("bic", bad.reason());
        }
        Validation cnapsCheck = optional(IdentifierKind.CNAPS, a.cnaps());
        if (cnapsCheck instanceof Validation.Invalid bad) {
            return new BankAccountResult.InvalidField("cnaps", bad.reason());
        }
        String bic = bicCheck instanceof Validation.Valid ok ? ok.normalized() : null;
        String cnaps = cnapsCheck instanceof Validation.Valid ok ? ok.normalized() : null;
        if (iban == null && bic == null && cnaps == null) {
            return new BankAccountResult.InvalidField("bic", "a local account needs the bank's BIC or, in China, its CNAPS code");
        }
        boolean sameHolder = HolderNames.matches(a.holderName(), party.get().legalName(), party.get().legalNameOriginal());
        BankAccount.Status status = sameHolder ? BankAccount.Status.VERIFIED : BankAccount.Status.PENDING_APPROVAL;
        String reason = sameHolder ? "holder name matches the party" : "holder name '" + a.holderName().strip()
                + "' differs from the party's legal name: an operator must approve";
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into bank_accounts (id, party_id, currency, country, iban, account_number, bic, cnaps, holder_name,
                    status, status_reason, created_at)
                values (:id, :party, :currency, :country, :iban, :number, :bic, :cnaps, :holder, :status, :reason, :now)""")
                .param("id", id).param("party", partyId.value()).param("currency", CurrencyCode.of(a.currency()).code())
                .param("country", country).param("iban", iban)
                .param("number", a.accountNumber() == null ? null : a.accountNumber().strip())
                .param("bic", bic).param("cnaps", cnaps).param("holder", a.holderName().strip())
                .param("status", status.name()).param("reason", reason).param("now", now()).update();
        audit.record(actor, "party.bank_account.add", "bank_account", TimeOrderedIds.format(PREFIX, id), null,
                status + " " + (iban != null ? iban : a.accountNumber()) + " holder " + a.holderName().strip());
        return new BankAccountResult.Saved(find(TimeOrderedIds.format(PREFIX, id)).orElseThrow());
    }

    /** Checks an optional identifier: null when it was not given. */
    private Validation optional(IdentifierKind kind, String value) {
        return value == null || value.isBlank() ? null : Identifiers.validate(kind, value, today());
    }

    @Override
    @Transactional
    public BankAccountResult decide(String accountId, boolean approve, String reason, String operator) {
        Optional<BankAccount> account = find(accountId);
        if (account.isEmpty()) {
            return new BankAccountResult.NotFound("bank account " + accountId);
        }
        if (account.get().status() != BankAccount.Status.PENDING_APPROVAL) {
            return new BankAccountResult.NotPending(account.get().status());
        }
        BankAccount.Status to = approve ? BankAccount.Status.VERIFIED : BankAccount.Status.REJECTED;
        jdbc.sql("""
                update bank_accounts set status = :to, status_reason = :reason, decided_by = :operator, decided_at = :now
                where id = :id and status = 'PENDING_APPROVAL'""")
                .param("to", to.name()).param("reason", (approve ? "approved by operator" : "rejected by operator")
                        + (reason == null || reason.isBlank() ? "" : ": " + reason))
                .param("operator", operator).param("now", now()).param("id", uuid(accountId)).update();
        audit.record(operator, approve ? "party.bank_account.approve" : "party.bank_account.reject", "bank_account",
                accountId, BankAccount.Status.PENDING_APPROVAL.name(), to + (reason == null ? "" : ": " + reason));
        return new BankAccountResult.Saved(find(accountId).orElseThrow());
    }

    @Override
    public Optional<BankAccount> find(String accountId) {
        UUID id;
        try {
            id = uuid(accountId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(BankAccountService::read).optional();
    }

    @Override
    public List<BankAccount> of(PartyId party) {
        return jdbc.sql(SELECT + " where party_id = :party order by id").param("party", party.value())
                .query(BankAccountService::read).list();
    }

    @Override
    public List<BankAccount> pendingApproval(int limit) {
        return jdbc.sql(SELECT + " where status = 'PENDING_APPROVAL' order by id limit :limit").param("limit", limit)
                .query(BankAccountService::read).list();
    }

    private static UUID uuid(String accountId) {
        return TimeOrderedIds.parse(PREFIX, accountId);
    }

    private static final String SELECT = """
            select id, party_id, currency, country, iban, account_number, bic, cnaps, holder_name, status, status_reason,
                   created_at
            from bank_accounts""";

    private static BankAccount read(ResultSet rs, int row) throws SQLException {
        return new BankAccount(TimeOrderedIds.format(PREFIX, rs.getObject(1, UUID.class)), new PartyId(rs.getObject(2, UUID.class)),
                rs.getString(3).trim(), rs.getString(4).trim(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8) == null ? null : rs.getString(8).trim(), rs.getString(9),
                BankAccount.Status.valueOf(rs.getString(10)), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
