package org.finbridge.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.risk.fraud.FraudModels;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge risk register-fraud-model --file <model file> [--activate]} registers a model
 * written by {@code risk train-fraud} in the model registry of the configured database, and with
 * {@code --activate} makes it the one scoring payments. Audited as the command line's system actor.
 */
public final class RiskRegisterFraudModelCommand implements Command {

    /** The command line acting as the platform itself, as the audit log names it. */
    static final Actor CLI = new Actor("cli", "cli:risk register-fraud-model", Actor.Channel.API_KEY,
            new org.finbridge.party.PartyId(new java.util.UUID(0, 0)), org.finbridge.party.PartyKind.OPERATOR, null,
            java.util.EnumSet.of(org.finbridge.party.ApiScope.RISK_REVIEW));

    private static final String USAGE = "usage: bin/finbridge risk register-fraud-model --file <model file> [--activate]";

    @Override
    public String name() {
        return "risk register-fraud-model";
    }

    @Override
    public String summary() {
        return "register a trained fraud model in the registry: --file <model file> [--activate]";
    }

    @Override
    public boolean needsApplication() {
        return true;
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        String file = null;
        boolean activate = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--file") && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (args.get(i).equals("--activate")) {
                activate = true;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("bin/finbridge risk register-fraud-model: no such file: " + file);
            return 2;
        }
        FraudModels models = context.getBean(FraudModels.class);
        return switch (models.register(text, null, activate, CLI)) {
            case FraudModels.Registered r -> {
                out.println("registered " + r.version().version() + (activate ? " (active)" : "") + ", AUC " + r.version().auc());
                yield 0;
            }
            case FraudModels.AlreadyRegistered a -> {
                if (activate) {
                    models.activate(a.version().version(), CLI);
                }
                out.println("already registered: " + a.version().version() + (activate ? " (active)" : ""));
                yield 0;
            }
            case FraudModels.Refused r -> {
                err.println("bin/finbridge risk register-fraud-model: refused: " + r.reason());
                yield 2;
            }
        };
    }
}
