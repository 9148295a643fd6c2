package org.finbridge.banking.internal;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.finbridge.banking.CreditTransfer;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.PaymentInitiations;
import org.finbridge.banking.PayoutBatch;
import org.finbridge.banking.WriteResult;
import org.finbridge.banking.XmlLimits;

/** pain.001.001.09: a payout batch to a file with Prowide's model, and back. */
public final class Pain001Files {

    private static final String TYPE = PaymentInitiations.MESSAGE_TYPE;

    private Pain001Files() {
    }

    public static WriteResult write(PayoutBatch batch) {
        Optional<WriteResult.Invalid> invalid = PayoutBatchRules.check(batch);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        BigDecimal controlSum = controlSum(batch.transfers());
        String count = Integer.toString(batch.transfers().size());
        PaymentInstruction30 payment = new PaymentInstruction30()
                .setPmtInfId(batch.paymentInformationId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(count)
                .setCtrlSum(controlSum)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(batch.requestedExecutionDate()))
                .setDbtr(IsoModel.party(batch.debtor().name()))
                .setDbtrAcct(IsoModel.account(batch.debtor().account()))
                .setDbtrAgt(IsoModel.agent(batch.debtor().agent()));
        batch.transfers().forEach(t -> payment.addCdtTrfTxInf(transaction(t)));
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(batch.messageId())
                        .setCreDtTm(batch.createdAt().atOffset(ZoneOffset.UTC))
                        .setNbOfTxs(count)
                        .setCtrlSum(controlSum)
                        .setInitgPty(IsoModel.party(batch.initiatingParty())))
                .addPmtInf(payment));
        String xml = IsoModel.xml(message);
        try {
            IsoFiles.validateWritten(xml, TYPE, XmlLimits.DEFAULT);
        } catch (XmlRefusedException e) {
            return new WriteResult.Invalid("document", e.refusal().detail());
        }
        return new WriteResult.Written(TYPE, xml.getBytes(StandardCharsets.UTF_8), batch.transfers().size(), controlSum);
    }

    private static CreditTransferTransaction34 transaction(CreditTransfer t) {
        CreditTransferTransaction34 tx = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setEndToEndId(t.endToEndId()))
                .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(IsoValues.decimal(t.amount())).setCcy(t.amount().currency().code())))
                .setCdtr(IsoModel.party(t.creditor().name()))
                .setCdtrAcct(IsoModel.account(t.creditor().account()))
                .setRmtInf(IsoModel.remittance(t.remittanceInformation()));
        if (t.creditor().agent() != null) {
            tx.setCdtrAgt(IsoModel.agent(t.creditor().agent()));
        }
        return tx;
    }

    /**
     * CtrlSum: the plain sum of the amounts as decimals, each with its currency's ISO 4217 exponent
     * (EUR 10.50 + EUR 0.25 = 10.75, JPY 2700 + JPY 5 = 2705); the scale is the largest exponent among them.
     */
    static BigDecimal controlSum(List<CreditTransfer> transfers) {
        BigDecimal sum = BigDecimal.ZERO;
        int scale = 0;
        for (CreditTransfer t : transfers) {
            BigDecimal amount = IsoValues.decimal(t.amount());
            sum = sum.add(amount);
            scale = Math.max(scale, amount.scale());
        }
        return sum.setScale(scale);
    }

    public static ParseResult<PayoutBatch> parse(InputStream content, XmlLimits limits) {
        return IsoFiles.parse(content, limits, TYPE, MxPain00100109::parse,
                m -> Pain001Reader.batch(m.getCstmrCdtTrfInitn()));
    }
}
