package org.finbridge.party;

/** Why the grantee may use the data (Credit Reporting Regulation art. 18: a purpose must be stated). */
public enum ConsentPurpose { LOAN_APPLICATION, LOAN_MONITORING, GUARANTEE, MARKETPLACE_ONBOARDING, SUPERVISION }
