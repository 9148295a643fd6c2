package org.finbridge.party;

/**
 * The first way in: on a new installation nobody can authenticate, so the command line (which runs
 * with the database's credentials, i.e. with the installation's owner) creates the platform's
 * operator party, a first administrator and an API key for the operator's automation.
 */
public interface OperatorBootstrap {

    sealed interface Result {
        /** The password and key secret are shown this once and stored only as hashes. */
        record Bootstrapped(PartyId operator, ConsoleUser administrator, String password, ApiKey key, String keySecret)
                implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    /** Creates the operator party when there is none, then an OPERATOR_ADMIN user and an all-scope key. */
    Result bootstrap(String administratorEmail, String country);
}
