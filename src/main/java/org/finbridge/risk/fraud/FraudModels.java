package org.finbridge.risk.fraud;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/** The fraud model registry: every version with its parameters and evaluation report; one is active. */
public interface FraudModels {

    List<FraudModelVersion> versions();

    Optional<FraudModelVersion> active();

    /**
     * Registers a model from its text form (as {@code bin/finbridge risk train-fraud} writes it); an
     * existing version with the same parameters is left as it is, one with other parameters is refused.
     */
    RegisterResult register(String modelText, String source, boolean activate, Actor actor);

    /** Makes a registered version the one scoring payments; false when there is no such version. */
    boolean activate(String version, Actor actor);

    sealed interface RegisterResult {
    }

    record Registered(FraudModelVersion version) implements RegisterResult {
    }

    record AlreadyRegistered(FraudModelVersion version) implements RegisterResult {
    }

    record Refused(String reason) implements RegisterResult {
    }
}
