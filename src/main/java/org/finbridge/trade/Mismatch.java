package org.finbridge.trade;

/** One disagreement between the documents of a trade record, with the reason in words. */
public record Mismatch(MismatchKind kind, String reason) {
}
