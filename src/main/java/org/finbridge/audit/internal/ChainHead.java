package org.finbridge.audit.internal;

/** The one row of {@code audit_chain_head}: where the chain ends. */
record ChainHead(long lastSequence, String lastHash) {

    static final String LOCK = "select last_sequence, last_hash from audit_chain_head where id = 1 for update";
    static final String READ = "select last_sequence, last_hash from audit_chain_head where id = 1";
    static final String MOVE = "update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1";
}
