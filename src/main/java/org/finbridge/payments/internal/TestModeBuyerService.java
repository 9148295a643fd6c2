package org.finbridge.payments.internal;

import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.Payments;
import org.finbridge.payments.TestModeBuyers;
import org.finbridge.payments.connector.simulated.BuyerSimulation;
import org.springframework.stereotype.Component;

/** {@link TestModeBuyers} over the card tokenizer and the buyer simulator the HTTP test-mode routes use. */
@Component
class TestModeBuyerService implements TestModeBuyers {

    private final CardTokenizer tokenizer;
    private final BuyerSimulator buyers;
    private final Payments payments;

    TestModeBuyerService(CardTokenizer tokenizer, BuyerSimulator buyers, Payments payments) {
        this.tokenizer = tokenizer;
        this.buyers = buyers;
        this.payments = payments;
    }

    @Override
    public Optional<PaymentMethod> card(String number, int expMonth, int expYear) {
        return tokenizer.tokenize(number, expMonth, expYear, null) instanceof CardTokenizer.Tokenized t
                ? Optional.of(new PaymentMethod(MethodType.CARD, t.card(), null)) : Optional.empty();
    }

    @Override
    public PaymentResult pay(Actor actor, PaymentId id, boolean paid) {
        // the same isolation as every payments command: another merchant's payment is not found
        if (payments.find(actor, id).isEmpty()) {
            return new PaymentResult.NotFound();
        }
        return buyers.report(id, new BuyerSimulation.BuyerReport(paid, null, null));
    }
}
