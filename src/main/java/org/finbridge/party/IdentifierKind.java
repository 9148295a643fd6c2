package org.finbridge.party;

import java.util.Arrays;
import java.util.Optional;

/** The identifiers {@link Identifiers} can check, each with the name the command line knows it by. */
public enum IdentifierKind {

    /** International bank account number, ISO 13616. */
    IBAN("iban"),
    /** Business identifier code (SWIFT code), ISO 9362. */
    BIC("bic"),
    /** Unified social credit code of a Chinese organisation (统一社会信用代码), GB 32100-2015. */
    USCC("uscc"),
    /** Citizen identification number of the PRC resident identity card (公民身份号码), GB 11643-1999. */
    CN_RESIDENT_ID("cn-resident-id"),
    /** Bank code in China's National Advanced Payment System (支付系统行号). */
    CNAPS("cnaps");

    private final String cliName;

    IdentifierKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The kind with this command-line name; exact, lower case. */
    public static Optional<IdentifierKind> ofCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }
}
