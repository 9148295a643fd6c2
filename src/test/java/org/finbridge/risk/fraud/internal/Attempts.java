package org.finbridge.risk.fraud.internal;

/** Builds attempts for the fraud tests: one base attempt and a copy with one thing changed. */
final class Attempts {

    static final long T0 = 1_767_225_600_000L;
    static final long MINUTE = 60_000L;

    private long at = T0;
    private String reference = "r";
    private String merchant = "M1";
    private long merchantCreated = T0 - 400L * 86_400_000L;
    private String card = "card-1";
    private String bin = "411111";
    private String binCountry = "DE";
    private String email = "buyer@mail.test";
    private String ip = "10.0.0.1";
    private String ipCountry = "DE";
    private String device = "device-1";
    private String shipping = "DE";
    private double amount = 50;
    private String currency = "EUR";
    private boolean card3ds = true;
    private int sequence;

    Attempts at(long millis) { at = millis; return this; }
    Attempts card(String c) { card = c; return this; }
    Attempts email(String e) { email = e; return this; }
    Attempts ip(String i) { ip = i; return this; }
    Attempts device(String d) { device = d; return this; }
    Attempts amount(double a) { amount = a; return this; }
    Attempts merchant(String m) { merchant = m; return this; }
    Attempts countries(String bin, String ip, String shipping) { binCountry = bin; ipCountry = ip; this.shipping = shipping; return this; }
    Attempts notACard() { card3ds = false; bin = null; binCountry = null; return this; }

    Transaction build() {
        return new Transaction(at, reference + (sequence++), merchant, "DE", merchantCreated, card, bin, binCountry, email, ip,
                ipCountry, device, shipping, null, -1, amount, currency, card3ds);
    }
}
