package org.finbridge.payments;

/** A concrete payment method a buyer chooses. */
public enum MethodType {
    CARD(MethodFamily.CARD),
    ALIPAY_PLUS(MethodFamily.WALLET),
    WECHAT_PAY(MethodFamily.WALLET),
    PAYPAL(MethodFamily.WALLET),
    BANK_TRANSFER(MethodFamily.BANK_TRANSFER),
    PIX(MethodFamily.LOCAL_PUSH),
    UPI(MethodFamily.LOCAL_PUSH),
    IDEAL(MethodFamily.LOCAL_PUSH),
    ECNY(MethodFamily.CBDC),
    USDC(MethodFamily.STABLECOIN);

    private final MethodFamily family;

    MethodType(MethodFamily family) {
        this.family = family;
    }

    public MethodFamily family() {
        return family;
    }

    /** Pull methods are authorized and captured later; push methods settle in full when the buyer pays. */
    public boolean isPull() {
        return family == MethodFamily.CARD;
    }
}
