package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.supervision.AmlReportFiled;
import org.finbridge.supervision.AmlReports;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The regulator's copy of AML reports: the latest status of each, an older status arriving late (at-least-once
 * delivery, out of order) changing nothing.
 */
@Component
class AmlReportsView implements AmlReports {

    private final JdbcClient jdbc;

    AmlReportsView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AmlReportFiled report) {
        int updated = jdbc.sql("update supervision_aml_reports set status = ?, status_at = ? where report_id = ? and status_at <= ?")
                .params(report.status(), Timestamp.from(report.at()), report.reportId(), Timestamp.from(report.at())).update();
        boolean exists = updated > 0 || jdbc.sql("select count(*) from supervision_aml_reports where report_id = ?")
                .param(report.reportId()).query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("""
                    insert into supervision_aml_reports (report_id, kind, code, subject_id, amount_minor, currency, status, status_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(report.reportId(), report.kind(), report.code(), report.subject().value(), report.amountMinor(),
                            report.currency(), report.status(), Timestamp.from(report.at())).update();
        }
    }

    @Override
    public List<AmlReportFiled> list(String kind, String status) {
        return jdbc.sql("""
                select * from supervision_aml_reports where (cast(? as varchar(3)) is null or kind = ?)
                    and (cast(? as varchar(32)) is null or status = ?) order by status_at desc, report_id fetch first 1000 rows only""")
                .params(kind, kind, status, status).query(AmlReportsView::row).list();
    }

    @Override
    public String export(String kind, String status) {
        StringBuilder csv = new StringBuilder("report_id,kind,code,subject_id,currency,amount,status,at\n");
        for (AmlReportFiled r : list(kind, status)) {
            csv.append(Csv.field(r.reportId())).append(',').append(r.kind()).append(',').append(r.code()).append(',')
                    .append(r.subject()).append(',').append(r.currency()).append(',')
                    .append(new Money(r.amountMinor(), CurrencyCode.of(r.currency())).toMajor().toPlainString()).append(',')
                    .append(r.status()).append(',').append(r.at()).append('\n');
        }
        return csv.toString();
    }

    private static AmlReportFiled row(ResultSet rs, int n) throws SQLException {
        return new AmlReportFiled(rs.getString("report_id"), rs.getString("kind"), rs.getString("code"),
                new PartyId(rs.getObject("subject_id", UUID.class)), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("status"), rs.getTimestamp("status_at").toInstant());
    }
}
