package org.finbridge.party;

/** ONBOARDING until know-your-customer checks pass (merchants), then ACTIVE. */
public enum PartyStatus { ONBOARDING, ACTIVE, SUSPENDED, CLOSED, REJECTED }
