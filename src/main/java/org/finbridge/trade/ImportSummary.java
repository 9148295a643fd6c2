package org.finbridge.trade;

import java.time.Instant;

/**
 * A committed bulk import as its submitter's history lists it: what the file held and how much of it was
 * taken. The rejected rows themselves are in the {@link ImportReport} answered to the upload; only the
 * counts are kept.
 */
public record ImportSummary(ImportId id, ImportRequest.Kind kind, ImportRequest.Format format, String sha256, long records,
                            long accepted, long rejected, Instant recordedAt) {
}
