package org.finbridge.credit;

import java.time.Instant;

/** One version of a scoring model in the registry, e.g. {@code merchant-scorecard:3}. */
public record ModelVersion(String name, int version, Instant createdAt, String createdBy, boolean active,
                           ValidationReport report) {

    public String id() {
        return name + ":" + version;
    }
}
