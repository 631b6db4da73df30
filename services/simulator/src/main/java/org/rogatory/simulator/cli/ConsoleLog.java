package org.rogatory.simulator.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The console shows Rogatory's own lines (and the progress bar and summary, written directly);
 * the broker's, the Kafka clients' and Micronaut's messages go to a log file in the run's output
 * folder, or back to the console with {@code --verbose}. What Kafka says during a healthy run is
 * benign and expected: CONCURRENT_TRANSACTIONS and OutOfOrderSequenceException retries while
 * exactly-once transactions commit back to back (retriable by design; KAFKA-18202 for the latter
 * with transactions v2), UNKNOWN_TOPIC_OR_PARTITION until Streams creates its repartition topics,
 * the controller's first activation on an empty log, and the warning that state lives in a temporary
 * directory (an exercise's state is meant to be thrown away). A user who needs them has the file.
 */
public final class ConsoleLog extends Filter<ILoggingEvent> {

    private static volatile boolean verbose;

    /** Everything on the console too (a service in a container, or {@code --verbose}). */
    static void verbose() {
        verbose = true;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return verbose || event.getLoggerName().startsWith("org.rogatory") ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    /** Sends every message (Kafka's included) to {@code file} as well; returns it. */
    static Path toFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-file");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return file;
    }
}
