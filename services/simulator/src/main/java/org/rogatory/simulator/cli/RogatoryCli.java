package org.rogatory.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The {@code rogatory} command. Errors are one line on stderr and a non-zero exit; --verbose adds the
 * stack trace. A mistyped option gets its one line and where to find the usage, not the whole usage.
 */
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
        cli.registerConverter(Duration.class, text -> isoDuration(text, null));
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("rogatory: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
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

    /** {@code text} as a duration, or an error naming the form expected (and {@code option}, unless picocli names it). */
    static Duration isoDuration(String text, String option) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException((option == null ? "" : option + ": ") + "'" + text
                + "' is not an ISO-8601 duration (e.g. PT0.005S for 5 ms, PT20S, PT2M)");
        }
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
