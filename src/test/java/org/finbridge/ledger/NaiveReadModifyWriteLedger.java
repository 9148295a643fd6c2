package org.finbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * TEST ONLY, deliberately wrong: the read-modify-write that a ledger must never do. It reads both
 * balances without a lock, then writes back absolute values, so concurrent transfers overwrite each
 * other's updates (lost updates). It exists to prove that the invariant sweep sees such damage.
 */
final class NaiveReadModifyWriteLedger {

    private final DataSource dataSource;

    NaiveReadModifyWriteLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void transfer(UUID debit, UUID credit, long amount, String currency) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long debitsPosted = read(c, "debits_posted", debit);
            long creditsPosted = read(c, "credits_posted", credit);
            pause(); // the race window a network round trip would open
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_transfers (id, debit_account_id, credit_account_id, amount, currency, kind,
                        timeout_seconds, code, linked, created_at)
                    values (?, ?, ?, ?, ?, ?, 0, 'NAIVE', false, ?)""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, debit);
                ps.setObject(3, credit);
                ps.setLong(4, amount);
                ps.setString(5, currency);
                ps.setString(6, "POSTED");
                ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            write(c, "debits_posted", debit, debitsPosted + amount);
            write(c, "credits_posted", credit, creditsPosted + amount);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long read(Connection c, String column, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + column + " from ledger_accounts where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void write(Connection c, String column, UUID id, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update ledger_accounts set " + column + " = ? where id = ?")) {
            ps.setLong(1, value);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }
}
