package org.finbridge.banking.internal;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.banking.AccountId;
import org.finbridge.banking.Balance;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.CreditDebit;
import org.finbridge.banking.Refusal.Reason;
import org.finbridge.banking.StatementEntry;
import org.finbridge.banking.TransactionDetails;
import org.w3c.dom.Element;

/**
 * Reads the statements of a camt.053 or camt.054 Document of any version from .02 to .08.
 *
 * <p>One reader serves every version because the elements a statement line is made of (Ntry, Amt,
 * CdtDbtInd, RvslInd, BookgDt, ValDt, AcctSvcrRef, NtryDtls/TxDtls/Refs, RltdPties, RmtInf) kept their
 * names and places from .02 to .08; the differences are handled where they are: the entry status is
 * text up to .06 and a {@code Cd}/{@code Prtry} choice from .07, related parties carry their name
 * directly up to .06 and under {@code Pty} from .07. Prowide's typed model has a distinct class per
 * version for each of these (ReportEntry2 … ReportEntry10), so a mapping through it would be seven
 * copies of this class.
 */
final class CamtReader {

    /** Column widths of the statement store; ISO's own limits (Max35Text, Max34Text) where it has them. */
    private static final int ID = 35;
    private static final int ACCOUNT = 34;
    private static final int CODE = 35;
    private static final int NAME = 140;
    private static final int TEXT = 500;
    private static final int REMITTANCE = 10_000;

    private CamtReader() {
    }

    static List<BankStatement> read(IsoMessage message) {
        boolean statement = message.family().equals("camt.053");
        Element body = Dom.child(message.document(), statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
        if (body == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, "the " + message.id() + " Document has no "
                    + (statement ? "<BkToCstmrStmt>" : "<BkToCstmrDbtCdtNtfctn>"));
        }
        String messageId = IsoValues.bounded(Dom.text(body, "GrpHdr", "MsgId"), ID, "GrpHdr/MsgId");
        List<Element> reports = Dom.children(body, statement ? "Stmt" : "Ntfctn");
        if (reports.isEmpty()) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, "the file holds no " + (statement ? "<Stmt>" : "<Ntfctn>"));
        }
        List<BankStatement> statements = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            statements.add(statement(reports.get(i), i + 1, message, messageId, statement));
        }
        return statements;
    }

    private static BankStatement statement(Element s, int number, IsoMessage message, String messageId, boolean statement) {
        String where = (statement ? "statement " : "notification ") + number;
        String id = IsoValues.bounded(Dom.text(s, "Id"), ID, where + " Id");
        if (id == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + " has no Id");
        }
        where = where + " (" + id + ")";
        AccountId account = account(Dom.child(s, "Acct", "Id"), where + " account");
        if (account == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + " names no account (Acct/Id/IBAN or Acct/Id/Othr/Id)");
        }
        String currency = IsoValues.bounded(Dom.text(s, "Acct", "Ccy"), 3, where + " account currency");
        List<Balance> balances = new ArrayList<>();
        for (Element b : Dom.children(s, "Bal")) {
            balances.add(balance(b, where + " balance " + (balances.size() + 1)));
        }
        List<StatementEntry> entries = new ArrayList<>();
        for (Element e : Dom.children(s, "Ntry")) {
            entries.add(entry(e, where + " entry " + (entries.size() + 1)));
        }
        return new BankStatement(statement ? BankStatement.Kind.STATEMENT : BankStatement.Kind.NOTIFICATION,
                message.id(), messageId, id, account, currency, balances, entries);
    }

    private static AccountId account(Element id, String where) {
        if (id == null) {
            return null;
        }
        String iban = Dom.text(id, "IBAN");
        if (iban != null) {
            return new AccountId.Iban(IsoValues.bounded(iban, ACCOUNT, where));
        }
        String other = Dom.text(id, "Othr", "Id");
        return other == null ? null : new AccountId.Other(IsoValues.bounded(other, ACCOUNT, where));
    }

    private static Balance balance(Element b, String where) {
        String type = Dom.text(b, "Tp", "CdOrPrtry", "Cd");
        if (type == null) {
            type = Dom.text(b, "Tp", "CdOrPrtry", "Prtry");
        }
        if (type == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + " has no type");
        }
        return new Balance(IsoValues.bounded(type, CODE, where + " type"), IsoValues.money(Dom.child(b, "Amt"), where),
                creditDebit(b, where), IsoValues.date(Dom.child(b, "Dt"), where + " date"));
    }

    private static StatementEntry entry(Element e, String where) {
        CreditDebit direction = creditDebit(e, where);
        List<TransactionDetails> transactions = new ArrayList<>();
        for (Element details : Dom.children(e, "NtryDtls")) {
            for (Element tx : Dom.children(details, "TxDtls")) {
                transactions.add(transaction(tx, direction, where + " transaction " + (transactions.size() + 1)));
            }
        }
        String reversal = Dom.text(e, "RvslInd");
        return new StatementEntry(
                IsoValues.bounded(Dom.text(e, "NtryRef"), ID, where + " NtryRef"),
                IsoValues.money(Dom.child(e, "Amt"), where),
                direction,
                "true".equals(reversal) || "1".equals(reversal),
                IsoValues.bounded(status(e), CODE, where + " status"),
                IsoValues.date(Dom.child(e, "BookgDt"), where + " booking date"),
                IsoValues.date(Dom.child(e, "ValDt"), where + " value date"),
                IsoValues.bounded(Dom.text(e, "AcctSvcrRef"), ID, where + " AcctSvcrRef"),
                IsoValues.bounded(transactionCode(Dom.child(e, "BkTxCd")), CODE, where + " bank transaction code"),
                IsoValues.bounded(Dom.text(e, "AddtlNtryInf"), TEXT, where + " AddtlNtryInf"),
                transactions);
    }

    /** Text up to camt.053.001.06, a Cd or Prtry choice from .07 on. */
    private static String status(Element entry) {
        Element sts = Dom.child(entry, "Sts");
        if (sts == null) {
            return null;
        }
        String code = Dom.text(sts, "Cd");
        if (code == null) {
            code = Dom.text(sts, "Prtry");
        }
        return code != null ? code : Dom.text(entry, "Sts");
    }

    private static String transactionCode(Element code) {
        if (code == null) {
            return null;
        }
        String domain = Dom.text(code, "Domn", "Cd");
        if (domain != null) {
            return java.util.stream.Stream.of(domain, Dom.text(code, "Domn", "Fmly", "Cd"),
                    Dom.text(code, "Domn", "Fmly", "SubFmlyCd")).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining("/"));
        }
        return Dom.text(code, "Prtry", "Cd");
    }

    private static TransactionDetails transaction(Element tx, CreditDebit entryDirection, String where) {
        Element amount = Dom.child(tx, "Amt");
        if (amount == null) {
            amount = Dom.child(tx, "AmtDtls", "TxAmt", "Amt");
        }
        // the counterparty: who paid a credit, who was paid by a debit
        boolean credit = entryDirection == CreditDebit.CRDT;
        Element parties = Dom.child(tx, "RltdPties");
        Element party = Dom.child(parties, credit ? "Dbtr" : "Cdtr");
        String name = Dom.text(party, "Nm");
        if (name == null) {
            name = Dom.text(party, "Pty", "Nm");
        }
        AccountId counterpartyAccount = account(Dom.child(parties, credit ? "DbtrAcct" : "CdtrAcct", "Id"), where + " counterparty account");
        List<String> remittance = new ArrayList<>();
        int remittanceLength = 0;
        for (Element line : Dom.children(Dom.child(tx, "RmtInf"), "Ustrd")) {
            String text = line.getTextContent().strip();
            remittanceLength += text.length() + 1;
            remittance.add(text);
        }
        if (remittanceLength > REMITTANCE) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": remittance information longer than "
                    + REMITTANCE + " characters");
        }
        return new TransactionDetails(
                IsoValues.bounded(Dom.text(tx, "Refs", "EndToEndId"), ID, where + " EndToEndId"),
                IsoValues.bounded(Dom.text(tx, "Refs", "InstrId"), ID, where + " InstrId"),
                IsoValues.bounded(Dom.text(tx, "Refs", "TxId"), ID, where + " TxId"),
                IsoValues.bounded(Dom.text(tx, "Refs", "UETR"), 36, where + " UETR"),
                IsoValues.bounded(Dom.text(tx, "Refs", "AcctSvcrRef"), ID, where + " AcctSvcrRef"),
                amount == null ? null : IsoValues.money(amount, where),
                IsoValues.bounded(name, NAME, where + " counterparty name"),
                counterpartyAccount == null ? null : counterpartyAccount.value(),
                remittance,
                IsoValues.bounded(Dom.text(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref"), ID, where + " creditor reference"));
    }

    private static CreditDebit creditDebit(Element e, String where) {
        String indicator = Dom.text(e, "CdtDbtInd");
        if ("CRDT".equals(indicator)) {
            return CreditDebit.CRDT;
        }
        if ("DBIT".equals(indicator)) {
            return CreditDebit.DBIT;
        }
        throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": credit/debit indicator '"
                + (indicator == null ? "" : IsoValues.bounded(indicator)) + "' is neither CRDT nor DBIT");
    }
}
