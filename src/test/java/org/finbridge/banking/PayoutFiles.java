package org.finbridge.banking;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.money.Money;

/** Payout batches and transfers for tests. */
public final class PayoutFiles {

    public static final AccountHolder FINBRIDGE_EUR = new AccountHolder("Finbridge Payments B.V.",
            new AccountId.Iban("NL91ABNA0417164300"), new Agent.Bic("ABNANL2A"));

    private PayoutFiles() {
    }

    public static PayoutBatch batch(CreditTransfer... transfers) {
        return new PayoutBatch("FB-PAYOUT-0001", Instant.parse("2026-03-02T09:15:30.250Z"), "Finbridge Payments B.V.",
                "FB-PAYOUT-0001-1", FINBRIDGE_EUR, LocalDate.of(2026, 3, 3), List.of(transfers));
    }

    public static CreditTransfer toIban(String endToEndId, Money amount) {
        return new CreditTransfer(endToEndId, amount, new AccountHolder("Shenzhen Bright Trading Co., Ltd.",
                new AccountId.Iban("DE89370400440532013000"), new Agent.Bic("COBADEFFXXX")), "Payout " + endToEndId);
    }

    public static CreditTransfer toCnaps(String endToEndId, Money amount) {
        return new CreditTransfer(endToEndId, amount, new AccountHolder("深圳市光明贸易有限公司",
                new AccountId.Other("6222021234567890"), new Agent.ClearingMember("CNAPS", "102584000002")), null);
    }

    public static ParseResult<PayoutBatch> readBack(WriteResult written) {
        return PaymentInitiations.parse(new ByteArrayInputStream(((WriteResult.Written) written).xml()));
    }
}
