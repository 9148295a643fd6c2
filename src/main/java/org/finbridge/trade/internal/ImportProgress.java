package org.finbridge.trade.internal;

import org.finbridge.trade.ImportId;

/**
 * Told after each chunk of an import is written (still uncommitted): for progress logs, and for tests
 * that break an import midway to prove that nothing of it remains.
 */
@FunctionalInterface
interface ImportProgress {

    void written(ImportId id, long recordsRead);
}
