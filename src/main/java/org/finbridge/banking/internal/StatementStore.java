package org.finbridge.banking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.finbridge.banking.AccountId;
import org.finbridge.banking.Balance;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.CreditDebit;
import org.finbridge.banking.ImportedFile;
import org.finbridge.banking.StatementEntry;
import org.finbridge.banking.TransactionDetails;
import org.finbridge.money.Money;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imported statements, in explicit SQL. */
@Repository
class StatementStore {

    static final String FILE_PREFIX = "bsf";
    /** Joins remittance lines: U+001E cannot occur in XML 1.0 text, so the lines split back exactly. */
    private static final String LINE_SEPARATOR = "\u001E";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StatementStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Where a statement is already stored, and with what content. */
    record Stored(UUID fileId, String fingerprint) {
    }

    Optional<ImportedFile> fileByContent(String sha256) {
        return jdbc.sql(FILE_SELECT + " where content_sha256 = :sha").param("sha", sha256).query(StatementStore::file).optional();
    }

    Optional<ImportedFile> file(UUID id) {
        return jdbc.sql(FILE_SELECT + " where id = :id").param("id", id).query(StatementStore::file).optional();
    }

    Optional<Stored> statement(BankStatement.Kind kind, String account, String statementId) {
        return jdbc.sql("select file_id, fingerprint from bank_statements where kind = :kind and account = :account"
                        + " and statement_id = :sid")
                .param("kind", kind.name()).param("account", account).param("sid", statementId)
                .query((rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    void insertFile(UUID id, String sha256, String fileName, String messageType, String messageId, int statements,
            int entries, Instant importedAt, String importedBy) {
        jdbc.sql("""
                insert into bank_statement_files (id, content_sha256, file_name, message_type, message_id, statements,
                    entries, imported_at, imported_by)
                values (:id, :sha, :name, :type, :mid, :statements, :entries, :at, :by)""")
                .param("id", id).param("sha", sha256).param("name", fileName).param("type", messageType)
                .param("mid", messageId).param("statements", statements).param("entries", entries)
                .param("at", importedAt.atOffset(ZoneOffset.UTC)).param("by", importedBy).update();
    }

    void insertStatement(UUID fileId, int position, BankStatement s, String fingerprint, UUID id) {
        jdbc.sql("""
                insert into bank_statements (id, file_id, position_in_file, kind, message_type, message_id, statement_id,
                    account_scheme, account, account_currency, fingerprint)
                values (:id, :file, :pos, :kind, :type, :mid, :sid, :scheme, :account, :ccy, :fp)""")
                .param("id", id).param("file", fileId).param("pos", position).param("kind", s.kind().name())
                .param("type", s.messageType()).param("mid", s.messageId()).param("sid", s.statementId())
                .param("scheme", s.account() instanceof AccountId.Iban ? "IBAN" : "OTHER")
                .param("account", s.account().value()).param("ccy", s.accountCurrency()).param("fp", fingerprint)
                .update();
        insertBalances(id, s.balances());
        insertEntries(id, s.entries());
    }

    private void insertBalances(UUID statement, List<Balance> balances) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < balances.size(); i++) {
            Balance b = balances.get(i);
            rows.add(new Object[] {statement, i + 1, b.type(), b.amount().minorUnits(), b.amount().currency().code(),
                    b.creditDebit().name(), b.date()});
        }
        insertAll("""
                insert into bank_statement_balances (statement_id, position, balance_type, amount_minor, currency,
                    credit_debit, balance_date) values (?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.OTHER, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.DATE});
    }

    private void insertEntries(UUID statement, List<StatementEntry> entries) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> transactions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementEntry e = entries.get(i);
            rows.add(new Object[] {statement, i + 1, e.entryReference(), e.amount().minorUnits(), e.amount().currency().code(),
                    e.creditDebit().name(), e.reversal(), e.status(), e.bookingDate(), e.valueDate(),
                    e.accountServicerReference(), e.bankTransactionCode(), e.additionalInformation()});
            for (int t = 0; t < e.transactions().size(); t++) {
                TransactionDetails d = e.transactions().get(t);
                transactions.add(new Object[] {statement, i + 1, t + 1, d.endToEndId(), d.instructionId(), d.transactionId(),
                        d.uetr(), d.accountServicerReference(), d.amount() == null ? null : d.amount().minorUnits(),
                        d.amount() == null ? null : d.amount().currency().code(), d.counterpartyName(),
                        d.counterpartyAccount(), d.remittanceLines().isEmpty() ? null : String.join(LINE_SEPARATOR, d.remittanceLines()),
                        d.creditorReference()});
            }
        }
        insertAll("""
                insert into bank_statement_entries (statement_id, position, entry_reference, amount_minor, currency,
                    credit_debit, reversal, status, booking_date, value_date, account_servicer_ref, bank_transaction_code,
                    additional_info) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.OTHER, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.BOOLEAN,
                        Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        insertAll("""
                insert into bank_statement_transactions (statement_id, entry_position, position, end_to_end_id,
                    instruction_id, transaction_id, uetr, account_servicer_ref, amount_minor, currency, counterparty_name,
                    counterparty_account, remittance, creditor_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                transactions, new int[] {Types.OTHER, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR});
    }

    /** The statements a file brought, with their balances, entries and transactions, in file order. */
    List<BankStatement> statementsOf(UUID fileId) {
        record Header(UUID id, BankStatement.Kind kind, String type, String messageId, String statementId, AccountId account,
                String currency) {
        }
        List<Header> headers = jdbc.sql("""
                select id, kind, message_type, message_id, statement_id, account_scheme, account, account_currency
                from bank_statements where file_id = :file order by position_in_file""").param("file", fileId)
                .query((rs, i) -> new Header(rs.getObject(1, UUID.class), BankStatement.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        "IBAN".equals(rs.getString(6)) ? new AccountId.Iban(rs.getString(7)) : new AccountId.Other(rs.getString(7)),
                        rs.getString(8)))
                .list();
        List<BankStatement> statements = new ArrayList<>();
        for (Header h : headers) {
            statements.add(new BankStatement(h.kind(), h.type(), h.messageId(), h.statementId(), h.account(), h.currency(),
                    balances(h.id()), entries(h.id())));
        }
        return statements;
    }

    private List<Balance> balances(UUID statement) {
        return jdbc.sql("""
                select balance_type, amount_minor, currency, credit_debit, balance_date from bank_statement_balances
                where statement_id = :id order by position""").param("id", statement)
                .query((rs, i) -> new Balance(rs.getString(1), Money.ofMinor(rs.getLong(2), rs.getString(3)),
                        CreditDebit.valueOf(rs.getString(4)), localDate(rs, 5)))
                .list();
    }

    private List<StatementEntry> entries(UUID statement) {
        Map<Integer, List<TransactionDetails>> transactions = jdbc.sql("""
                select entry_position, end_to_end_id, instruction_id, transaction_id, uetr, account_servicer_ref,
                    amount_minor, currency, counterparty_name, counterparty_account, remittance, creditor_reference
                from bank_statement_transactions where statement_id = :id order by entry_position, position""")
                .param("id", statement)
                .query((rs, i) -> Map.entry(rs.getInt(1), new TransactionDetails(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7) == null ? null : Money.ofMinor(rs.getLong(7), rs.getString(8)),
                        rs.getString(9), rs.getString(10),
                        rs.getString(11) == null ? List.of() : Arrays.asList(rs.getString(11).split(LINE_SEPARATOR, -1)),
                        rs.getString(12))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                select position, entry_reference, amount_minor, currency, credit_debit, reversal, status, booking_date,
                    value_date, account_servicer_ref, bank_transaction_code, additional_info
                from bank_statement_entries where statement_id = :id order by position""").param("id", statement)
                .query((rs, i) -> new StatementEntry(rs.getString(2), Money.ofMinor(rs.getLong(3), rs.getString(4)),
                        CreditDebit.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getString(7), localDate(rs, 8),
                        localDate(rs, 9), rs.getString(10), rs.getString(11), rs.getString(12),
                        transactions.getOrDefault(rs.getInt(1), List.of())))
                .list();
    }

    private static final String FILE_SELECT = """
            select id, file_name, content_sha256, message_type, message_id, statements, entries, imported_at, imported_by
            from bank_statement_files""";

    private static ImportedFile file(ResultSet rs, int row) throws SQLException {
        return new ImportedFile(TimeOrderedIds.format(FILE_PREFIX, rs.getObject(1, UUID.class)), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9));
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /**
     * Binds each row value as itself (UUIDs, LocalDates, …, which both H2 and PostgreSQL take) and each
     * null with its column's type.
     */
    private void insertAll(String sql, List<Object[]> rows, int[] nullTypes) {
        batch.batchUpdate(sql, rows, 500, (ps, row) -> {
            for (int j = 0; j < row.length; j++) {
                if (row[j] == null) {
                    ps.setNull(j + 1, nullTypes[j]);
                } else {
                    ps.setObject(j + 1, row[j]);
                }
            }
        });
    }
}
