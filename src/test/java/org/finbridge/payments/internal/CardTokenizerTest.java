package org.finbridge.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.finbridge.payments.CardNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card numbers: Luhn, the network from the BIN ranges, lengths per network; only BIN and last four kept. */
class CardTokenizerTest {

    final CardTokenizer tokenizer = new CardTokenizer(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({"4242424242424242,VISA", "4222222222222,VISA", "5555555555554444,MASTERCARD", "2223003122003222,MASTERCARD",
            "378282246310005,AMEX", "6200000000000005,UNIONPAY", "3566002020360505,JCB", "6011111111111117,DISCOVER",
            "30569309025904,DINERS"})
    void aValidNumberIsReplacedByATokenWithItsNetwork(String number, CardNetwork network) {
        var r = (CardTokenizer.Tokenized) tokenizer.tokenize(number, 12, 2030, null);
        assertThat(r.card().network()).isEqualTo(network);
        assertThat(r.card().bin()).isEqualTo(number.substring(0, 6));
        assertThat(r.card().last4()).isEqualTo(number.substring(number.length() - 4));
        assertThat(r.card().token()).startsWith("tok_").doesNotContain(number.substring(6, number.length() - 4));
        assertThat(r.card().toString()).doesNotContain(number);
    }

    @ParameterizedTest
    @CsvSource({"4242424242424241,card.number", "1234567890123452,card.number", "424242424242424,card.number",
            "37828224631000,card.number", "4242-4242-4242-4242x,card.number"})
    void anInvalidNumberIsRefusedWithoutBeingEchoed(String number, String field) {
        var r = (CardTokenizer.Refused) tokenizer.tokenize(number, 12, 2030, null);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.reason()).doesNotContain(number);
    }

    @Test
    void anExpiredCardOrAWrongVerificationCodeIsRefused() {
        assertThat(tokenizer.tokenize("4242424242424242", 5, 2026, null)).isInstanceOf(CardTokenizer.Refused.class);
        assertThat(tokenizer.tokenize("4242424242424242", 6, 2026, null)).isInstanceOf(CardTokenizer.Tokenized.class);
        assertThat(tokenizer.tokenize("378282246310005", 6, 2026, "123")).isInstanceOf(CardTokenizer.Refused.class);
        assertThat(tokenizer.tokenize("378282246310005", 6, 2026, "1234")).isInstanceOf(CardTokenizer.Tokenized.class);
    }
}
