package org.finbridge.ledger.internal;

import java.util.Map;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.TransferId;

/**
 * What the database said at the start of the batch, with the touched accounts locked: the accounts,
 * the transfers already committed under the batch's ids (and the holds it references), and how those
 * holds ended.
 */
record BatchState(
        Map<AccountId, AccountState> accounts,
        Map<TransferId, StoredTransfer> transfers,
        Map<TransferId, StoredTransfer.Resolution> resolutions) {
}
