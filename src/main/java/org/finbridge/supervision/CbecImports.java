package org.finbridge.supervision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * China retail imports taxed against each buyer's tracked annual quota (regulations notes §1.1). The annual
 * total of one identity document never exceeds the limit, however many orders of that buyer arrive at
 * once: the buyer's year is locked while an order is decided.
 */
public interface CbecImports {

    /** Taxes an order and counts it toward the buyer's calendar year (Beijing time, on the injected clock). */
    CbecImportResult declare(CbecDeclaration declaration);

    /** Returns an order: within the return window its counted value goes back to the buyer's year. */
    CbecReturnResult returnOrder(PartyId marketplace, String orderNumber);

    /** What the buyer has used of a calendar year's quota. */
    Money annualUsed(IdentityDocument buyer, int year);

    Optional<CbecImportRecord> find(UUID id);

    /** The orders declared in a period (Beijing dates, both ends included), oldest first, at most {@code limit}. */
    List<CbecImportRecord> declared(java.time.LocalDate from, java.time.LocalDate to, int limit);

    /** A buyer's orders counted in (or refused from) a calendar year's quota, oldest first. */
    List<CbecImportRecord> ofBuyer(IdentityDocument buyer, int year);

    /** Orders of a year that became general trade because the buyer's annual limit would have been exceeded. */
    List<CbecImportRecord> annualLimitBreaches(int year);

    /** The keyed hash by which a document is tracked (never the number itself). */
    String buyerHash(IdentityDocument buyer);
}
