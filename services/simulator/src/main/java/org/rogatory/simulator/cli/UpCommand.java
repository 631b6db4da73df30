package org.rogatory.simulator.cli;

import org.rogatory.simulator.stack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** Starts a broker and the registry on loopback and keeps them up until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start Kafka (KRaft) and the schema registry on 127.0.0.1 and print their addresses.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--data-dir", description = "Kafka data directory, kept between runs (default: a fresh temporary directory).")
    Path dataDir;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = LocalStack.start(kafkaPort, registryPort, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "rogatory-shutdown"));
        System.out.println("bootstrap.servers=" + stack.bootstrapServers());
        System.out.println("schema.registry.url=" + stack.registryUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
