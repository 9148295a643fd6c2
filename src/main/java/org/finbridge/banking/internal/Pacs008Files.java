package org.finbridge.banking.internal;

import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification3Choice;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction39;
import com.prowidesoftware.swift.model.mx.dic.FIToFICustomerCreditTransferV08;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader93;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification7;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation28;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.finbridge.banking.CrossBorderTransfer;
import org.finbridge.banking.CrossBorderTransfer.Rail;
import org.finbridge.banking.InterbankTransfers;
import org.finbridge.banking.WriteResult;
import org.finbridge.banking.XmlLimits;

/** pacs.008.001.08 for one cross-border transfer, with Prowide's model. */
public final class Pacs008Files {

    private static final String TYPE = InterbankTransfers.MESSAGE_TYPE;
    /** SWIFT gpi's service level for a tracked customer credit transfer (ExternalServiceLevel1Code). */
    static final String GPI_SERVICE_LEVEL = "G001";
    /** CIPS is named as a proprietary clearing system: it has no code in ISO's external code list. */
    static final String CIPS = "CIPS";

    private Pacs008Files() {
    }

    public static WriteResult write(CrossBorderTransfer t) {
        Optional<WriteResult.Invalid> invalid = check(t);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        CreditTransferTransaction39 tx = new CreditTransferTransaction39()
                .setPmtId(new PaymentIdentification7().setInstrId(t.instructionId()).setEndToEndId(t.endToEndId())
                        .setUETR(t.uetr().toString()))
                .setIntrBkSttlmAmt(new ActiveCurrencyAndAmount().setValue(IsoValues.decimal(t.amount()))
                        .setCcy(t.amount().currency().code()))
                .setIntrBkSttlmDt(t.settlementDate())
                .setChrgBr(ChargeBearerType1Code.valueOf(t.chargeBearer().name()))
                .setInstgAgt(IsoModel.agent(t.instructingAgent()))
                .setInstdAgt(IsoModel.agent(t.instructedAgent()))
                .setDbtr(IsoModel.party(t.debtor().name()))
                .setDbtrAcct(IsoModel.account(t.debtor().account()))
                .setDbtrAgt(IsoModel.agent(t.debtor().agent()))
                .setCdtrAgt(IsoModel.agent(t.creditor().agent()))
                .setCdtr(IsoModel.party(t.creditor().name()))
                .setCdtrAcct(IsoModel.account(t.creditor().account()))
                .setRmtInf(IsoModel.remittance(t.remittanceInformation()));
        if (t.intermediaryAgent() != null) {
            tx.setIntrmyAgt1(IsoModel.agent(t.intermediaryAgent()));
        }
        if (t.rail() == Rail.SWIFT_GPI) {
            tx.setPmtTpInf(new PaymentTypeInformation28().addSvcLvl(new ServiceLevel8Choice().setCd(GPI_SERVICE_LEVEL)));
        }
        MxPacs00800108 message = new MxPacs00800108().setFIToFICstmrCdtTrf(new FIToFICustomerCreditTransferV08()
                .setGrpHdr(new GroupHeader93()
                        .setMsgId(t.messageId())
                        .setCreDtTm(t.createdAt().atOffset(ZoneOffset.UTC))
                        .setNbOfTxs("1")
                        .setSttlmInf(settlement(t.rail())))
                .addCdtTrfTxInf(tx));
        String xml = IsoModel.xml(message);
        try {
            IsoFiles.validateWritten(xml, TYPE, XmlLimits.DEFAULT);
        } catch (XmlRefusedException e) {
            return new WriteResult.Invalid("document", e.refusal().detail());
        }
        return new WriteResult.Written(TYPE, xml.getBytes(StandardCharsets.UTF_8), 1, IsoValues.decimal(t.amount()));
    }

    private static SettlementInstruction7 settlement(Rail rail) {
        return switch (rail) {
            case SWIFT_GPI -> new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.INDA);
            case CIPS -> new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)
                    .setClrSys(new ClearingSystemIdentification3Choice().setPrtry(CIPS));
        };
    }

    static Optional<WriteResult.Invalid> check(CrossBorderTransfer t) {
        return PayoutBatchRules.first(
                PayoutBatchRules.text("messageId", t.messageId(), 35),
                PayoutBatchRules.text("endToEndId", t.endToEndId(), 35),
                t.instructionId() == null ? null : PayoutBatchRules.text("instructionId", t.instructionId(), 35),
                t.amount().isPositive() ? null : PayoutBatchRules.invalid("amount", "a transfer must be positive"),
                t.rail() == Rail.CIPS && !t.amount().currency().code().equals("CNY")
                        ? PayoutBatchRules.invalid("amount", "CIPS carries renminbi (CNY) only") : null,
                PayoutBatchRules.holder("debtor", t.debtor(), true),
                PayoutBatchRules.holder("creditor", t.creditor(), true),
                t.remittanceInformation() == null ? null
                        : PayoutBatchRules.text("remittanceInformation", t.remittanceInformation(), 140));
    }
}
