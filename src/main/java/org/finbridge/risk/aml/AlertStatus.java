package org.finbridge.risk.aml;

/** OPEN: raised, not acted on yet; IN_CASE: part of a case under review; REPORTED: in a filed report. */
public enum AlertStatus {
    OPEN, IN_CASE, REPORTED
}
