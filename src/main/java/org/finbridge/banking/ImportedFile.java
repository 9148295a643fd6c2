package org.finbridge.banking;

import java.time.Instant;

/**
 * A statement file as stored.
 *
 * @param id            {@code bsf_…}
 * @param contentSha256 SHA-256 of the file's bytes, hex: the same file imported twice is recognised by it
 * @param statements    the statements the file brought that were not already present
 * @param entries       their entries
 */
public record ImportedFile(String id, String fileName, String contentSha256, String messageType, String messageId,
        int statements, int entries, Instant importedAt, String importedBy) {
}
