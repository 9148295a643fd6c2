package org.finbridge.trade.internal;

import org.finbridge.trade.ImportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs an import's progress every 100,000 records. */
@Component
class LoggedImportProgress implements ImportProgress {

    private static final Logger log = LoggerFactory.getLogger(LoggedImportProgress.class);

    @Override
    public void written(ImportId id, long recordsRead) {
        if (recordsRead % 100_000 < ImportService.CHUNK) {
            log.info("trade import {}: {} records read", id, recordsRead);
        }
    }
}
