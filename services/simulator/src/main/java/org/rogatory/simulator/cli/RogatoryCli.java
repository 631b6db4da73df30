package org.rogatory.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rogatory} command. Errors are one line on stderr and a non-zero exit; --verbose adds the stack trace. */
@Command(name = "rogatory", mixinStandardHelpOptions = true, version = "rogatory 0.1.0",
    description = "Simulator of international cooperation channels in criminal matters (Kafka + Avro).",
    subcommands = {UpCommand.class, RunCommand.class, DemoCommand.class, BenchCommand.class, ServiceCommand.class})
public final class RogatoryCli {

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            ConsoleLog.verbose();
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RogatoryCli());
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

    /** The innermost useful message of an exception chain, on one line. */
    static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() != null
                && cause.getCause().getMessage() != null && cause.getMessage().contains(cause.getCause().getMessage())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ');
    }
}
