package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of {@code bin/finbridge}. */
public interface Command {

    /** The words that select it, e.g. {@code "audit verify"}. */
    String name();

    /** One line for the usage listing. */
    String summary();

    /** Whether it needs the application context (database, module services). */
    default boolean needsApplication() {
        return false;
    }

    /** Application properties the command needs beyond the defaults of a one-off command ({@code name=value}). */
    default List<String> properties() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param context the application context, or null for commands that need none
     * @return the process exit status: 0 for success
     */
    int run(List<String> args, org.springframework.context.ApplicationContext context, PrintStream out, PrintStream err)
            throws Exception;
}
