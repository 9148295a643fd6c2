/**
 * The money kernel: amounts as {@code long} minor units of an ISO 4217 currency, exchange rates as
 * fixed-scale decimals, and exact allocation. It has no framework and no I/O, so every other module can
 * use it and every rule here is tested as a plain property.
 *
 * <p>Why minor units: binary floating point cannot represent 0.10 exactly, and a ledger that sums
 * millions of postings must be exact to the last unit. The exponent of each currency (JPY 0, USD 2,
 * KWD 3) comes from ISO 4217 as shipped with the JDK.
 */
package org.finbridge.money;
