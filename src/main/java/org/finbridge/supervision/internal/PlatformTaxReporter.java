package org.finbridge.supervision.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.supervision.PlatformTaxReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quarterly identity-and-income report platforms owe the tax authority (国务院令第810号; regulations notes
 * §1.3), from the payments read model: a seller's gross income is what was captured for it in the quarter
 * (Beijing dates), refunds what was refunded of those payments, identity the party's legal name, country and
 * registered identifiers.
 */
@Component
class PlatformTaxReporter implements PlatformTaxReports {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final JdbcClient jdbc;
    private final Parties parties;

    PlatformTaxReporter(JdbcClient jdbc, Parties parties) {
        this.jdbc = jdbc;
        this.parties = parties;
    }

    record Line(UUID merchant, String currency, long gross, long refunds, long payments) {
    }

    @Override
    public String quarterly(String quarter) {
        Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a quarter is written like 2026-Q3");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        List<Line> lines = jdbc.sql("""
                select merchant_id, currency, sum(captured_minor) gross, sum(refunded_minor) refunds, count(*) payments
                from supervision_payments where captured_on between ? and ? group by merchant_id, currency order by merchant_id, currency""")
                .params(from, to)
                .query((rs, n) -> new Line(rs.getObject("merchant_id", UUID.class), rs.getString("currency"), rs.getLong("gross"),
                        rs.getLong("refunds"), rs.getLong("payments"))).list();
        StringBuilder csv = new StringBuilder("merchant_id,legal_name,country,identifiers,currency,gross_income,refunds,net_income,payments\n");
        for (Line l : lines) {
            PartyId id = new PartyId(l.merchant());
            Optional<Party> party = parties.find(id);
            CurrencyCode currency = CurrencyCode.of(l.currency());
            String identifiers = party.map(p -> p.identifiers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "))).orElse("");
            csv.append(id).append(',').append(Csv.field(party.map(Party::legalName).orElse(""))).append(',')
                    .append(party.map(Party::country).orElse("")).append(',').append(Csv.field(identifiers)).append(',')
                    .append(l.currency()).append(',').append(new Money(l.gross(), currency).toMajor().toPlainString()).append(',')
                    .append(new Money(l.refunds(), currency).toMajor().toPlainString()).append(',')
                    .append(new Money(l.gross() - l.refunds(), currency).toMajor().toPlainString()).append(',').append(l.payments())
                    .append('\n');
        }
        return csv.toString();
    }
}
