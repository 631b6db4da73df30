package org.rogatory.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rogatory} command. Errors are one line on stderr and a non-zero exit; --verbose adds the stack trace. */
@Command(name = "rogatory", mixinStandardHelpOptions = true, version = "rogatory 0.1.0",
    description = "Simulator of international cooperation channels in criminal matters.",
    subcommands = {UpCommand.class, RunCommand.class, PlayCommand.class, DemoCommand.class, BenchCommand.class, LoadCommand.class, ServiceCommand.class, RosterCommand.class})
public final class RogatoryCli {

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            ConsoleLog.verbose();
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RogatoryCli());
        cli.setUsageHelpAutoWidth(true); // a wide terminal gets long lines, not sentences cut at 80 columns
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("rogatory: " + oneLine(e));
            }
            return 2;
        });
        return cli;
    }

    /**
     * The exception's message on one line. A wrapper that only repeats its cause
     * ({@code java.io.IOException: …}) gives way to the cause; one that adds a place (a scenario
     * error's {@code file:line:column: field:}) is kept whole.
     */
    static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null
                && (shown.getMessage() == null || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.replace('\n', ' ');
    }
}
