package org.finbridge.party.internal;

import java.util.Set;
import org.finbridge.party.Validation;

/**
 * Bank code of a participant in the China National Advanced Payment System, CNAPS (支付系统行号),
 * as assigned by the People's Bank of China: bank category code (3), city code (4), branch sequence
 * (4) and a check digit (1), 12 digits in all.
 *
 * <p>Only the structure is verified. The check digit in position 12 is not, because the People's
 * Bank has not published the algorithm that computes it; a guessed algorithm would refuse real bank
 * codes.
 */
public final class CnapsValidator {

    /**
     * Bank category codes of the PBOC's payment-system bank code scheme. The 5xx to 7xx ranges are
     * foreign-funded and joint-venture banks, assigned per bank and accepted as ranges.
     */
    private static final Set<String> BANK_CODES = Set.of(
            "001", // People's Bank of China
            "011", // State Treasury
            "102", // Industrial and Commercial Bank of China
            "103", // Agricultural Bank of China
            "104", // Bank of China
            "105", // China Construction Bank
            "201", // China Development Bank
            "202", // Export-Import Bank of China
            "203", // Agricultural Development Bank of China
            "301", // Bank of Communications
            "302", // China CITIC Bank
            "303", // China Everbright Bank
            "304", // Hua Xia Bank
            "305", // China Minsheng Bank
            "306", // China Guangfa Bank
            "307", // Ping An Bank
            "308", // China Merchants Bank
            "309", // Industrial Bank
            "310", // Shanghai Pudong Development Bank
            "313", // city commercial banks
            "314", // rural commercial banks
            "315", // Hengfeng Bank
            "316", // China Zheshang Bank
            "317", // rural cooperative banks
            "318", // China Bohai Bank
            "319", // Huishang Bank
            "320", // village and township banks
            "322", // Shanghai Rural Commercial Bank
            "323", // private banks (WeBank, MYbank …)
            "401", // urban credit cooperatives
            "402", // rural credit cooperatives
            "403"); // Postal Savings Bank of China

    private CnapsValidator() {
    }

    public static Validation validate(String value) {
        String code = value.strip();
        if (code.isEmpty()) {
            return new Validation.Invalid("empty");
        }
        for (int i = 0; i < code.length(); i++) {
            if (!Text.isDigit(code.charAt(i))) {
                return new Validation.Invalid(Text.invalidCharacter(code, i));
            }
        }
        if (code.length() != 12) {
            return new Validation.Invalid("length " + code.length() + " is not 12");
        }
        String bank = code.substring(0, 3);
        if (!isKnownBank(bank)) {
            return new Validation.Invalid("unknown bank code " + bank);
        }
        if (code.substring(3, 7).equals("0000")) {
            return new Validation.Invalid("city code 0000 is not a city");
        }
        return new Validation.Valid(code);
    }

    private static boolean isKnownBank(String bank) {
        char first = bank.charAt(0);
        return BANK_CODES.contains(bank) || first == '5' || first == '6' || first == '7';
    }
}
