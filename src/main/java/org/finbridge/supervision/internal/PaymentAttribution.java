package org.finbridge.supervision.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.Payments;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.PaymentInstitutions;
import org.finbridge.supervision.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Who paid whom across which border, and through which licensed institution: when a capture is reported,
 * the merchant's country (party module), the buyer's country and the connector (payments module, both through
 * their public APIs) are kept on supervision's payment row, and the payment is attributed to the institution
 * whose licence names the connector. A payment over the institution's single-transaction limit, or taking its
 * day's volume over the daily limit, is a breach the regulator sees ({@code INSTITUTION_SINGLE_TXN_LIMIT},
 * {@code INSTITUTION_DAILY_VOLUME_LIMIT}) and opens one rule-detected case per institution and day: a payment
 * institution carries only the business its licence sizes it for (regulations notes §2).
 */
@Component
class PaymentAttribution {

    /** Reads payments as the platform: supervision covers every merchant. */
    static final Actor SYSTEM = new Actor("supervision", "system:supervision", Actor.Channel.API_KEY, new PartyId(new UUID(0, 0)),
            PartyKind.OPERATOR, null, EnumSet.of(ApiScope.PAYMENTS_READ));

    private final Payments payments;
    private final Parties parties;
    private final PaymentInstitutions institutions;
    private final UsdValues usd;
    private final Breaches breaches;
    private final Violations violations;
    private final TransactionTemplate savepoint;
    private final InstitutionVolumes volumes;

    PaymentAttribution(Payments payments, Parties parties, PaymentInstitutions institutions, UsdValues usd,
                       Breaches breaches, Violations violations, PlatformTransactionManager transactions, InstitutionVolumes volumes) {
        this.volumes = volumes;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.payments = payments;
        this.parties = parties;
        this.institutions = institutions;
        this.usd = usd;
        this.breaches = breaches;
        this.violations = violations;
    }

    /** Who paid whom through which institution: what supervision's payment row keeps of a captured payment. */
    record Attributes(String merchantCountry, String buyerCountry, String connector, Optional<Licence> licence) {

        UUID institution() {
            return licence.map(l -> l.institution().value()).orElse(null);
        }
    }

    /** The captured payment's attributes, read before its row is written so that one statement writes them all. */
    Attributes attributes(PaymentEvent event, LocalDate day) {
        // the event carries who paid and through which connector; an older producer's event is looked up
        Optional<Payment> payment = event.context() != null ? Optional.empty() : payments.find(SYSTEM, event.paymentId());
        String merchantCountry = parties.find(event.merchantId()).map(Party::country).orElse(null);
        String buyerCountry = event.context() != null ? event.context().buyerCountry()
                : payment.map(Payment::buyer).map(b -> b.country()).orElse(null);
        String connector = event.context() != null ? event.context().connector()
                : payment.map(Payment::connector).orElse(null);
        return new Attributes(country(merchantCountry), country(buyerCountry), connector, institutions.operating(connector, day));
    }

    /** Counts a captured amount (its row already written) to its institution's day and checks the licence's limits. */
    void captured(Attributes attributes, PaymentEvent event, Money amount, LocalDate day) {
        attributes.licence().ifPresent(l -> {
            volumes.add(l.institution(), day, amount);
            checkLimits(l, event, amount, day);
        });
    }

    /**
     * Checks an institution's day against its daily limit after pending captures were folded into it: payments
     * carried at the same moment each see the day's volume without the others' uncommitted captures, so the ones
     * that cross the limit together are reported here, once (see {@link InstitutionVolumes}).
     */
    void checkDay(PartyId institution, LocalDate day) {
        institutions.find(institution).filter(l -> l.dailyVolumeLimit() != null).ifPresent(l -> {
            if (dailyOver(l, day)) {
                openCase(l, day);
            }
        });
    }

    private static String country(String code) {
        return code == null || code.length() != 2 ? null : code;
    }

    private void checkLimits(Licence licence, PaymentEvent event, Money amount, LocalDate day) {
        PartyId institution = licence.institution();
        Optional<Money[]> single = comparable(amount, licence.singleTransactionLimit(), day);
        boolean breached = false;
        if (single.isPresent() && over(single.get()[0], single.get()[1])) {
            breaches.record(Breaches.INSTITUTION_SINGLE_TXN_LIMIT, institution.toString(), day.getYear(), single.get()[0],
                    single.get()[1], event.paymentId().toString());
            breached = true;
        }
        if (licence.dailyVolumeLimit() != null && dailyOver(licence, day)) {
            breached = true;
        }
        if (breached) {
            openCase(licence, day);
        }
    }

    /** True, and the day's breach recorded (once per institution and day), when the day's volume is over the daily limit. */
    private boolean dailyOver(Licence licence, LocalDate day) {
        PartyId institution = licence.institution();
        Optional<Money[]> daily = dayVolume(institution, licence.dailyVolumeLimit(), day);
        if (daily.isPresent() && over(daily.get()[0], daily.get()[1])) {
            // once per institution and day: the reference is the day
            breaches.record(Breaches.INSTITUTION_DAILY_VOLUME_LIMIT, institution.toString(), day.getYear(), daily.get()[0],
                    daily.get()[1], day.toString());
            return true;
        }
        return false;
    }

    private void openCase(Licence licence, LocalDate day) {
        PartyId institution = licence.institution();
        try {
            // under a savepoint, like the breach: concurrent payments of one institution may both open the day's case
            savepoint.executeWithoutResult(status -> violations.detect(institution, "CN_PI_OVER_LICENCE_LIMIT",
                    "payments carried on " + day + " beyond the limits of licence " + licence.licenceNumber()
                            + " (regulations notes §2)", "institution-limit:" + institution + ":" + day));
        } catch (DuplicateKeyException openedConcurrently) {
            // the day's case is open: all this wanted
        }
    }

    /** Over a limit: strictly more than it; reaching a limit exactly is within it. */
    static boolean over(Money amount, Money limit) {
        return amount.compareTo(limit) > 0;
    }

    /**
     * An amount and a limit in one currency: as they are when they share it (exact), else both at their USD
     * equivalents of the day; empty when a reference rate is missing (nothing is judged on a guess).
     */
    private Optional<Money[]> comparable(Money amount, Money limit, LocalDate day) {
        if (amount.currency().equals(limit.currency())) {
            return Optional.of(new Money[] {amount, limit});
        }
        Optional<Money> a = usd.inUsd(amount, day);
        Optional<Money> l = usd.inUsd(limit, day);
        return a.isPresent() && l.isPresent() ? Optional.of(new Money[] {a.get(), l.get()}) : Optional.empty();
    }

    /** The institution's captured volume of the day against its daily limit, compared as {@link #comparable} does. */
    private Optional<Money[]> dayVolume(PartyId institution, Money limit, LocalDate day) {
        List<InstitutionVolumes.Sum> sums = volumes.ofDay(institution, day);
        if (sums.stream().allMatch(s -> s.currency().equals(limit.currency().code()))) {
            return Optional.of(new Money[] {new Money(sums.stream().mapToLong(InstitutionVolumes.Sum::minor).sum(), limit.currency()), limit});
        }
        Money total = Money.zero(UsdValues.USD);
        for (InstitutionVolumes.Sum s : sums) {
            Optional<Money> v = usd.inUsd(new Money(s.minor(), CurrencyCode.of(s.currency())), day);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            total = total.plus(v.get());
        }
        Optional<Money> l = usd.inUsd(limit, day);
        Money volume = total;
        return l.map(limitUsd -> new Money[] {volume, limitUsd});
    }
}
