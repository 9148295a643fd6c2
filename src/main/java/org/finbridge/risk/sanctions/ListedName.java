package org.finbridge.risk.sanctions;

/** A name on a list: the entry's id, the name (primary or alias) and what the entry is. */
public record ListedName(String entryId, String name, boolean primary, SubjectType type) {
}
