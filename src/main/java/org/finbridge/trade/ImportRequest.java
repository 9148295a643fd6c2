package org.finbridge.trade;

/**
 * @param onBehalfOf the party whose records these are, when an operator imports for one; otherwise null
 *                   (the file's records are the caller's: a marketplace's orders, a provider's shipments)
 */
public record ImportRequest(Kind kind, Format format, InvalidRows onInvalidRows, String onBehalfOf) {

    public enum Kind {
        /** Orders, from a marketplace. */
        ORDERS,
        /** Shipments, from a logistics provider. */
        SHIPMENTS,
        /** Logistics events of shipments already reported, named by carrier and waybill. */
        SHIPMENT_EVENTS,
        /** Customs declarations, from a merchant or a marketplace. */
        DECLARATIONS
    }

    public enum Format {
        /** One JSON object per line (application/x-ndjson). */
        JSON_LINES,
        /** RFC 4180 CSV with a header line; an order or declaration spans consecutive rows, one per item. */
        CSV
    }

    /** What a file with some invalid rows does. */
    public enum InvalidRows {
        /** Commit the valid rows, report the invalid ones (the default). */
        COMMIT_VALID,
        /** Commit nothing when any row is invalid; the report says which. */
        REFUSE_FILE
    }

    public ImportRequest {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(format, "format");
        onInvalidRows = onInvalidRows == null ? InvalidRows.COMMIT_VALID : onInvalidRows;
    }
}
