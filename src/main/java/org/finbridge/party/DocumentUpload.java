package org.finbridge.party;

import java.time.LocalDate;

/** A document to attach to a KYB file (business licence, articles, an owner's passport, …). */
public record DocumentUpload(String type, String number, String issuer, LocalDate expiresOn, String fileName,
                             String contentType, byte[] content) {
}
