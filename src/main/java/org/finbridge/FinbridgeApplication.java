package org.finbridge;

import org.finbridge.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Finbridge: with no arguments (or Spring arguments) it starts the platform; with a command name
 * ({@code audit verify}, {@code validate iban …}) it runs that command and exits with its status.
 */
@SpringBootApplication
public class FinbridgeApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, FinbridgeApplication.class));
        }
        SpringApplication.run(FinbridgeApplication.class, args);
    }
}
