package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.payments.internal.CardTokenizer;

/** Merchants, actors, cards and ledger reads for payments tests, through the real module APIs. */
public final class PaymentFixtures {

    public static final String VISA_OK = "4242424242424242";

    private final Parties parties;
    private final Ledger ledger;
    private final CardTokenizer tokenizer;

    public PaymentFixtures(Parties parties, Ledger ledger, CardTokenizer tokenizer) {
        this.parties = parties;
        this.ledger = ledger;
        this.tokenizer = tokenizer;
    }

    public PartyId merchant(String country) {
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, country, "Merchant " + UUID.randomUUID(), null,
                "ops@merchant.test", null, Map.of()));
        assertThat(r).isInstanceOf(Registration.Registered.class);
        return ((Registration.Registered) r).party().id();
    }

    public PartyId operatorParty() {
        Registration r = parties.register(new NewParty(PartyKind.OPERATOR, "CN", "Operations " + UUID.randomUUID(), null,
                "ops@finbridge.test", null, Map.of()));
        return ((Registration.Registered) r).party().id();
    }

    public static Actor merchantActor(PartyId merchant) {
        return new Actor("key_" + merchant.value(), "key:" + merchant.value().toString().substring(0, 8), Actor.Channel.API_KEY,
                merchant, PartyKind.MERCHANT, null, EnumSet.of(ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE));
    }

    public static Actor operatorActor(PartyId operator) {
        return new Actor("key_op_" + operator.value(), "key:operator", Actor.Channel.API_KEY, operator, PartyKind.OPERATOR,
                null, EnumSet.allOf(ApiScope.class));
    }

    public PaymentMethod card(String number) {
        var r = tokenizer.tokenize(number, 12, 2099, null);
        assertThat(r).isInstanceOf(CardTokenizer.Tokenized.class);
        return new PaymentMethod(MethodType.CARD, ((CardTokenizer.Tokenized) r).card(), null);
    }

    public static NewPayment payment(PartyId merchant, long amount, String currency, PaymentMethod method,
                                     CaptureMethod capture, String buyerCountry) {
        return new NewPayment(merchant, Money.ofMinor(amount, currency), "order-" + UUID.randomUUID(),
                new Buyer(null, buyerCountry), method, capture, true);
    }

    public Account account(String name) {
        return ledger.account(AccountId.derived(name)).orElse(null);
    }

    public Account merchantAccount(PartyId merchant, String type, String currency) {
        return account("party:" + merchant + ":" + type + ":" + CurrencyCode.of(currency));
    }

    public static Payment done(PaymentResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(PaymentResult.Done.class);
        return ((PaymentResult.Done) r).payment();
    }
}
