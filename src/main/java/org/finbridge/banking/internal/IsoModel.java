package org.finbridge.banking.internal;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import java.util.List;
import org.finbridge.banking.AccountId;
import org.finbridge.banking.Agent;
import org.finbridge.banking.Refusal.Reason;

/** Finbridge's account, bank and party values to and from Prowide's ISO 20022 dictionary types. */
final class IsoModel {

    private IsoModel() {
    }

    /**
     * The Document alone (no AppHdr, no envelope), in the default namespace, with an XML declaration, and
     * names in their own script as UTF-8 text (Prowide's default writes every non-ASCII character as a
     * numeric reference, which some bank gateways show as is).
     */
    static String xml(AbstractMX message) {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        conf.documentPrefix = null;
        conf.useCategoryAsDocumentPrefix = false;
        return message.message(conf);
    }

    static CashAccount38 account(AccountId id) {
        AccountIdentification4Choice choice = switch (id) {
            case AccountId.Iban iban -> new AccountIdentification4Choice().setIBAN(iban.value());
            case AccountId.Other other -> new AccountIdentification4Choice()
                    .setOthr(new GenericAccountIdentification1().setId(other.value()));
        };
        return new CashAccount38().setId(choice);
    }

    static BranchAndFinancialInstitutionIdentification6 agent(Agent agent) {
        FinancialInstitutionIdentification18 id = switch (agent) {
            case Agent.Bic bic -> new FinancialInstitutionIdentification18().setBICFI(bic.bic());
            case Agent.ClearingMember member -> new FinancialInstitutionIdentification18().setClrSysMmbId(
                    new ClearingSystemMemberIdentification2()
                            .setClrSysId(new ClearingSystemIdentification2Choice().setCd(member.clearingSystem()))
                            .setMmbId(member.memberId()));
        };
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(id);
    }

    static PartyIdentification135 party(String name) {
        return new PartyIdentification135().setNm(name);
    }

    static RemittanceInformation16 remittance(String text) {
        return text == null ? null : new RemittanceInformation16().addUstrd(text);
    }

    static AccountId account(CashAccount38 account, String where) {
        if (account == null || account.getId() == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": no account");
        }
        if (account.getId().getIBAN() != null) {
            return new AccountId.Iban(account.getId().getIBAN());
        }
        if (account.getId().getOthr() != null) {
            return new AccountId.Other(account.getId().getOthr().getId());
        }
        throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": no account id");
    }

    /** Null when the message names no agent. */
    static Agent agent(BranchAndFinancialInstitutionIdentification6 agent, String where) {
        if (agent == null || agent.getFinInstnId() == null) {
            return null;
        }
        FinancialInstitutionIdentification18 id = agent.getFinInstnId();
        if (id.getBICFI() != null) {
            return new Agent.Bic(id.getBICFI());
        }
        ClearingSystemMemberIdentification2 member = id.getClrSysMmbId();
        if (member != null && member.getClrSysId() != null && member.getClrSysId().getCd() != null) {
            return new Agent.ClearingMember(member.getClrSysId().getCd(), member.getMmbId());
        }
        throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": the bank is identified neither by BIC nor by"
                + " a clearing system member id");
    }

    static String remittance(RemittanceInformation16 info) {
        if (info == null || info.getUstrd() == null || info.getUstrd().isEmpty()) {
            return null;
        }
        List<String> lines = info.getUstrd();
        return String.join("", lines);
    }
}
