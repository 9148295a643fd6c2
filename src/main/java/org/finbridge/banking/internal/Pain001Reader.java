package org.finbridge.banking.internal;

import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.banking.AccountHolder;
import org.finbridge.banking.CreditTransfer;
import org.finbridge.banking.PayoutBatch;
import org.finbridge.banking.Refusal.Reason;

/**
 * A parsed pain.001.001.09 back to a {@link PayoutBatch}: one payment information block, with NbOfTxs
 * and CtrlSum that agree with its transactions at both levels (a file whose totals disagree is refused:
 * the bank would reject it too).
 */
final class Pain001Reader {

    private Pain001Reader() {
    }

    static PayoutBatch batch(CustomerCreditTransferInitiationV09 initiation) {
        GroupHeader85 header = initiation.getGrpHdr();
        if (initiation.getPmtInf().size() != 1) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, "the file holds " + initiation.getPmtInf().size()
                    + " payment information blocks; a payout batch is one");
        }
        PaymentInstruction30 payment = initiation.getPmtInf().getFirst();
        if (payment.getReqdExctnDt() == null || payment.getReqdExctnDt().getDt() == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, "the requested execution date is not a date (ReqdExctnDt/Dt)");
        }
        List<CreditTransfer> transfers = new ArrayList<>();
        for (CreditTransferTransaction34 tx : payment.getCdtTrfTxInf()) {
            transfers.add(transfer(tx, "transaction " + (transfers.size() + 1)));
        }
        totals("group header", header.getNbOfTxs(), header.getCtrlSum(), transfers);
        totals("payment information", payment.getNbOfTxs(), payment.getCtrlSum(), transfers);
        AccountHolder debtor = new AccountHolder(payment.getDbtr().getNm(), IsoModel.account(payment.getDbtrAcct(), "debtor"),
                IsoModel.agent(payment.getDbtrAgt(), "debtor agent"));
        return new PayoutBatch(header.getMsgId(), header.getCreDtTm().toInstant(), header.getInitgPty().getNm(),
                payment.getPmtInfId(), debtor, payment.getReqdExctnDt().getDt(), transfers);
    }

    private static CreditTransfer transfer(CreditTransferTransaction34 tx, String where) {
        if (tx.getAmt() == null || tx.getAmt().getInstdAmt() == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": only instructed amounts (InstdAmt) are read");
        }
        if (tx.getCdtr() == null || tx.getCdtr().getNm() == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": the creditor has no name");
        }
        return new CreditTransfer(tx.getPmtId().getEndToEndId(),
                IsoValues.money(tx.getAmt().getInstdAmt().getValue(), tx.getAmt().getInstdAmt().getCcy(), where),
                new AccountHolder(tx.getCdtr().getNm(), IsoModel.account(tx.getCdtrAcct(), where + " creditor"),
                        IsoModel.agent(tx.getCdtrAgt(), where + " creditor agent")),
                IsoModel.remittance(tx.getRmtInf()));
    }

    private static void totals(String level, String count, BigDecimal controlSum, List<CreditTransfer> transfers) {
        if (!Integer.toString(transfers.size()).equals(count)) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, level + " NbOfTxs " + count + " but the file holds "
                    + transfers.size() + " transactions");
        }
        BigDecimal sum = Pain001Files.controlSum(transfers);
        if (controlSum != null && controlSum.compareTo(sum) != 0) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, level + " CtrlSum " + controlSum.toPlainString()
                    + " but the transactions sum to " + sum.toPlainString());
        }
    }
}
