package org.finbridge.banking.internal;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.PaymentStatus;
import org.finbridge.banking.PaymentStatusReport;
import org.finbridge.banking.PaymentStatusReport.TransactionStatus;
import org.finbridge.banking.PaymentStatusReports;
import org.finbridge.banking.XmlLimits;

/** pain.002.001.10 read with Prowide's model, after the hardened parse and schema validation. */
public final class Pain002Files {

    private static final Set<String> PENDING = Set.of("RCVD", "PDNG", "ACPD");
    private static final Set<String> ACCEPTED = Set.of("ACTC", "ACCP", "ACSP", "ACWC", "ACWP", "ACFC", "ACIS", "PATC", "PART");
    private static final Set<String> SETTLED = Set.of("ACSC", "ACCC");
    private static final Set<String> REJECTED = Set.of("RJCT", "CANC");

    private Pain002Files() {
    }

    public static ParseResult<PaymentStatusReport> parse(InputStream content, XmlLimits limits) {
        return IsoFiles.parse(content, limits, PaymentStatusReports.MESSAGE_TYPE, MxPain00200110::parse,
                m -> report(m.getCstmrPmtStsRpt()));
    }

    public static PaymentStatus status(String code, String reasonCode, String additionalInformation) {
        if (PENDING.contains(code)) {
            return new PaymentStatus.Pending(code);
        }
        if (ACCEPTED.contains(code)) {
            return new PaymentStatus.Accepted(code);
        }
        if (SETTLED.contains(code)) {
            return new PaymentStatus.Settled(code);
        }
        if (REJECTED.contains(code)) {
            return new PaymentStatus.Rejected(code, reasonCode, additionalInformation);
        }
        return new PaymentStatus.Unrecognised(code);
    }

    private static PaymentStatusReport report(CustomerPaymentStatusReportV10 report) {
        OriginalGroupHeader17 group = report.getOrgnlGrpInfAndSts();
        PaymentStatus groupStatus = status(group.getGrpSts(), group.getStsRsnInf());
        List<TransactionStatus> transactions = new ArrayList<>();
        for (OriginalPaymentInstruction32 payment : report.getOrgnlPmtInfAndSts()) {
            PaymentStatus paymentStatus = status(payment.getPmtInfSts(), payment.getStsRsnInf());
            PaymentStatus inherited = paymentStatus != null ? paymentStatus : groupStatus;
            for (PaymentTransaction105 tx : payment.getTxInfAndSts()) {
                PaymentStatus own = status(tx.getTxSts(), tx.getStsRsnInf());
                transactions.add(new TransactionStatus(payment.getOrgnlPmtInfId(), tx.getOrgnlInstrId(),
                        tx.getOrgnlEndToEndId(), tx.getOrgnlUETR(), own != null ? own : inherited));
            }
        }
        return new PaymentStatusReport(report.getGrpHdr().getMsgId(), group.getOrgnlMsgId(), group.getOrgnlMsgNmId(),
                groupStatus, transactions);
    }

    /** Null when no status is given at this level; the first reason is the one a payout records. */
    private static PaymentStatus status(String code, List<StatusReasonInformation12> reasons) {
        if (code == null) {
            return null;
        }
        String reason = null;
        String info = null;
        if (reasons != null && !reasons.isEmpty()) {
            StatusReasonInformation12 first = reasons.getFirst();
            if (first.getRsn() != null) {
                reason = first.getRsn().getCd() != null ? first.getRsn().getCd() : first.getRsn().getPrtry();
            }
            if (first.getAddtlInf() != null && !first.getAddtlInf().isEmpty()) {
                info = String.join(" ", first.getAddtlInf());
            }
        }
        return status(code, reason, info);
    }
}
