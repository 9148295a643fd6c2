package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.supervision.PilotZone;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.RegulatorViews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The regulator's views, computed from supervision's read models only. */
@Component
class JdbcRegulatorViews implements RegulatorViews {

    private final JdbcClient jdbc;
    private final PilotZones zones;

    JdbcRegulatorViews(JdbcClient jdbc, PilotZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    @Override
    public List<Flow> flows(LocalDate from, LocalDate to, GroupBy groupBy) {
        period(from, to);
        return switch (groupBy) {
            case CURRENCY -> grouped("currency", from, to);
            case MERCHANT -> grouped("cast(merchant_id as varchar(36))", from, to);
            case DAY -> grouped("cast(captured_on as varchar(10))", from, to);
            case BOP_CODE -> jdbc.sql("""
                    select transaction_code grp, currency, count(*) n,
                        sum(case when refund then 0 else amount_minor end) captured, sum(case when refund then amount_minor else 0 end) refunded
                    from supervision_bop_declarations where declared_on between ? and ?
                    group by transaction_code, currency order by transaction_code, currency""")
                    .params(from, to).query(JdbcRegulatorViews::flow).list();
            case PILOT_ZONE -> byZone(from, to);
            case CORRIDOR -> grouped("coalesce(merchant_country, '??') || '-' || coalesce(buyer_country, '??')", from, to);
            case INSTITUTION -> grouped("coalesce(cast(institution_id as varchar(36)), 'none')", from, to);
            case CUSTOMS_MODE -> jdbc.sql("""
                    select coalesce(customs_mode, 'none') grp, currency, count(*) n, sum(amount_minor) captured, 0 refunded
                    from supervision_fx_collections where received_at >= ? and received_at < ?
                    group by coalesce(customs_mode, 'none'), currency order by 1, 2""")
                    .params(beijingStart(from), beijingStart(to.plusDays(1))).query(JdbcRegulatorViews::flow).list();
        };
    }

    private List<Flow> grouped(String expression, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + expression + " grp, currency, count(*) n, sum(captured_minor) captured, sum(refunded_minor) refunded "
                        + "from supervision_payments where captured_on between ? and ? group by " + expression + ", currency order by 1, 2")
                .params(from, to).query(JdbcRegulatorViews::flow).list();
    }

    /** Per merchant and currency, then attributed to each zone the merchant was in on the period's last day. */
    private List<Flow> byZone(LocalDate from, LocalDate to) {
        Map<String, long[]> totals = new TreeMap<>();
        for (Flow f : grouped("cast(merchant_id as varchar(36))", from, to)) {
            PartyId merchant = new PartyId(UUID.fromString(f.group()));
            List<String> codes = zones.of(merchant, to).stream().map(PilotZone::code).toList();
            for (String zone : codes.isEmpty() ? List.of("none") : codes) {
                long[] t = totals.computeIfAbsent(zone + "\u0000" + f.currency(), k -> new long[3]);
                t[0] += f.payments();
                t[1] += f.capturedMinor();
                t[2] += f.refundedMinor();
            }
        }
        List<Flow> flows = new ArrayList<>();
        totals.forEach((k, t) -> flows.add(new Flow(k.substring(0, k.indexOf('\u0000')), k.substring(k.indexOf('\u0000') + 1), t[0], t[1], t[2])));
        return flows;
    }

    private static Flow flow(ResultSet rs, int n) throws SQLException {
        String group = rs.getString("grp");
        // merchant groups are answered in the API's id form
        if (group != null && group.length() == 36 && group.charAt(8) == '-') {
            group = new PartyId(UUID.fromString(group)).toString();
        }
        return new Flow(group, rs.getString("currency"), rs.getLong("n"), rs.getLong("captured"), rs.getLong("refunded"));
    }

    @Override
    public List<PaymentLine> payments(LocalDate from, LocalDate to, String currency, PartyId merchant, int limit) {
        return payments(from, to, new PaymentFilter(currency, merchant, null, null), limit);
    }

    @Override
    public List<PaymentLine> payments(LocalDate from, LocalDate to, PaymentFilter filter, int limit) {
        period(from, to);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        UUID merchant = filter.merchant() == null ? null : filter.merchant().value();
        UUID institution = filter.institution() == null ? null : filter.institution().value();
        String merchantCountry = filter.corridor() == null ? null : filter.corridor().substring(0, 2);
        String buyerCountry = filter.corridor() == null ? null : filter.corridor().substring(3);
        return jdbc.sql("""
                select * from supervision_payments where captured_on between ? and ?
                    and (cast(? as varchar(3)) is null or currency = ?) and (cast(? as uuid) is null or merchant_id = ?)
                    and (cast(? as varchar(2)) is null or merchant_country = ?) and (cast(? as varchar(2)) is null or buyer_country = ?)
                    and (cast(? as uuid) is null or institution_id = ?)
                order by captured_on, payment_id fetch first """ + " " + limit + " rows only")
                .params(from, to, filter.currency(), filter.currency(), merchant, merchant, merchantCountry, merchantCountry,
                        buyerCountry, buyerCountry, institution, institution)
                .query((rs, n) -> new PaymentLine(rs.getObject("payment_id", UUID.class), new PartyId(rs.getObject("merchant_id", UUID.class)),
                        rs.getString("order_reference"), rs.getString("currency"), rs.getLong("captured_minor"), rs.getLong("refunded_minor"),
                        (Long) rs.getObject("usd_captured_minor", Long.class), rs.getObject("captured_on", LocalDate.class),
                        rs.getString("merchant_country"), rs.getString("buyer_country"), rs.getString("connector"),
                        rs.getObject("institution_id", UUID.class) == null ? null
                                : new PartyId(rs.getObject("institution_id", UUID.class))))
                .list();
    }

    @Override
    public List<Breach> breaches(int year, String kind) {
        return jdbc.sql("""
                select * from supervision_quota_breaches where quota_year = ? and (cast(? as varchar(40)) is null or kind = ?)
                order by detected_at, id fetch first 1000 rows only""")
                .params(year, kind, kind)
                .query((rs, n) -> new Breach(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("subject"),
                        rs.getInt("quota_year"), rs.getString("currency"), rs.getLong("amount_minor"), rs.getLong("limit_minor"),
                        rs.getString("reference"), rs.getTimestamp("detected_at").toInstant()))
                .list();
    }

    /** Periods are Beijing dates: a day starts at midnight in Asia/Shanghai. */
    private static java.sql.Timestamp beijingStart(LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new IllegalArgumentException("a period is from a date to a later one, at most five years");
        }
    }
}
