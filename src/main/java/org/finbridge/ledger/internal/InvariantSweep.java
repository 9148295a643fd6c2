package org.finbridge.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.finbridge.ledger.LedgerInvariants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes everything the ledger stores from first principles and reports each disagreement.
 * Read-only, one pass per rule, written as plain SQL so that an auditor can read each rule.
 */
@Component
public class InvariantSweep implements LedgerInvariants {

    private static final int SHOWN = 10;

    private final JdbcClient jdbc;

    InvariantSweep(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For tools and tests that hold only a data source (the crash test's restarted database, say). */
    public static LedgerInvariants over(DataSource dataSource) {
        return new InvariantSweep(JdbcClient.create(dataSource));
    }

    @Override
    public Report sweep() {
        List<Violation> v = new ArrayList<>();

        // 1. Double entry: per currency, total debits equal total credits, posted and pending.
        rows(v, "debits equal credits per currency", """
                select currency || ': debits_posted=' || sum(debits_posted) || ' credits_posted=' || sum(credits_posted)
                       || ' debits_pending=' || sum(debits_pending) || ' credits_pending=' || sum(credits_pending)
                from ledger_accounts group by currency
                having sum(debits_posted) <> sum(credits_posted) or sum(debits_pending) <> sum(credits_pending)""");

        // 2. Every account's stored totals equal the sums of its transfers.
        rows(v, "account totals equal the sum of their transfers", """
                with legs as (
                    select debit_account_id as account_id,
                           case when kind in ('POSTED', 'POST_PENDING') then amount else 0 end as dp, 0 as cp,
                           case when kind = 'PENDING' and r.pending_id is null then amount else 0 end as dpe, 0 as cpe
                    from ledger_transfers t left join ledger_pending_resolutions r on r.pending_id = t.id
                    union all
                    select credit_account_id, 0,
                           case when kind in ('POSTED', 'POST_PENDING') then amount else 0 end, 0,
                           case when kind = 'PENDING' and r.pending_id is null then amount else 0 end
                    from ledger_transfers t left join ledger_pending_resolutions r on r.pending_id = t.id),
                sums as (
                    select account_id, sum(dp) as dp, sum(cp) as cp, sum(dpe) as dpe, sum(cpe) as cpe
                    from legs group by account_id)
                select 'account ' || cast(a.id as varchar(36)) || ' stores ' || a.debits_posted || '/' || a.credits_posted
                       || '/' || a.debits_pending || '/' || a.credits_pending || ' but its transfers sum to '
                       || coalesce(s.dp, 0) || '/' || coalesce(s.cp, 0) || '/' || coalesce(s.dpe, 0) || '/' || coalesce(s.cpe, 0)
                from ledger_accounts a left join sums s on s.account_id = a.id
                where a.debits_posted <> coalesce(s.dp, 0) or a.credits_posted <> coalesce(s.cp, 0)
                   or a.debits_pending <> coalesce(s.dpe, 0) or a.credits_pending <> coalesce(s.cpe, 0)""");

        // 3. No account beyond the limit its flags set.
        rows(v, "flagged accounts within their limits", """
                select 'account ' || cast(id as varchar(36)) || ' debits ' || (debits_posted + debits_pending)
                       || ' credits ' || (credits_posted + credits_pending)
                from ledger_accounts
                where (debits_must_not_exceed_credits and debits_posted + debits_pending > credits_posted)
                   or (credits_must_not_exceed_debits and credits_posted + credits_pending > debits_posted)
                   or debits_posted < 0 or credits_posted < 0 or debits_pending < 0 or credits_pending < 0""");

        // 4. No transfer id twice (the primary key says so; the sweep proves the key is there).
        rows(v, "transfer ids unique", """
                select cast(id as varchar(36)) || ' appears ' || count(*) || ' times'
                from ledger_transfers group by id having count(*) > 1""");

        // 5. Each transfer's accounts exist and are in the transfer's currency (no foreign keys say so:
        //    see V1__ledger.sql).
        rows(v, "transfers between existing accounts of their currency", """
                select 'transfer ' || cast(t.id as varchar(36)) || ' in ' || t.currency || ' between '
                       || coalesce(d.currency, 'a missing account') || ' and ' || coalesce(c.currency, 'a missing account')
                from ledger_transfers t
                left join ledger_accounts d on d.id = t.debit_account_id
                left join ledger_accounts c on c.id = t.credit_account_id
                where d.id is null or c.id is null or d.currency <> t.currency or c.currency <> t.currency""");

        // 6. Holds: each post or void resolves exactly the hold it names, posts no more than was held,
        //    and every resolution points at a hold.
        rows(v, "holds resolved consistently", """
                select 'transfer ' || cast(t.id as varchar(36)) || ' resolves ' || cast(t.pending_id as varchar(36))
                       || ' inconsistently'
                from ledger_transfers t
                left join ledger_transfers p on p.id = t.pending_id
                left join ledger_pending_resolutions r on r.pending_id = t.pending_id
                where t.kind in ('POST_PENDING', 'VOID_PENDING')
                  and (p.id is null or p.kind <> 'PENDING' or r.transfer_id is null or r.transfer_id <> t.id
                       or t.amount > p.amount or (t.kind = 'VOID_PENDING' and t.amount <> p.amount)
                       or t.debit_account_id <> p.debit_account_id or t.credit_account_id <> p.credit_account_id
                       or (t.kind = 'POST_PENDING' and r.resolution <> 'POSTED')
                       or (t.kind = 'VOID_PENDING' and r.resolution <> 'VOIDED'))
                union all
                select 'resolution of ' || cast(r.pending_id as varchar(36)) || ' is not of a hold'
                from ledger_pending_resolutions r join ledger_transfers p on p.id = r.pending_id
                where p.kind <> 'PENDING'""");

        long accounts = jdbc.sql("select count(*) from ledger_accounts").query(Long.class).single();
        long transfers = jdbc.sql("select count(*) from ledger_transfers").query(Long.class).single();
        return new Report(List.copyOf(v), accounts, transfers);
    }

    private void rows(List<Violation> into, String rule, String sql) {
        List<String> found = jdbc.sql(sql + " fetch first " + (SHOWN + 1) + " rows only").query(String.class).list();
        for (int i = 0; i < Math.min(SHOWN, found.size()); i++) {
            into.add(new Violation(rule, found.get(i)));
        }
        if (found.size() > SHOWN) {
            into.add(new Violation(rule, "… and more"));
        }
    }
}
