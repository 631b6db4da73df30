package org.rogatory.platform.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Rogatory's one application: a Micronaut context in which any subset of the services is enabled
 * ({@code rogatory.<service>.enabled}). The all-in-one modes enable every stream service; a
 * container or {@code rogatory service NAME} enables one. Each module ships its settings in
 * {@code rogatory/<module>.yml} (as one application.yml would hold them, and with the same
 * precedence: environment variables override them); the caller's properties override both.
 */
public final class ServiceHost implements AutoCloseable {

    /** The modules whose settings files the application reads, when they are on the classpath. */
    static final List<String> MODULES = List.of("platform", "router", "case-timer", "authorities", "gateway");
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHost.class);

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private ServiceHost(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    /**
     * Starts the context, then (if {@code serveHttp}) its HTTP server, and waits until every enabled
     * stream service runs.
     *
     * @param properties highest-precedence settings (the exercise's, the CLI's)
     * @param singletons typed values services need from the exercise (e.g. the nodes' behaviour)
     * @throws InvalidSetting naming the property, its value's source and the problem, if a setting is wrong
     */
    public static ServiceHost start(Map<String, Object> properties, List<Object> singletons, boolean serveHttp,
                                    Duration startTimeout) {
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false).banner(false)
            .properties(properties).singletons(singletons.toArray());
        settingsFiles().forEach(builder::propertySources);
        ApplicationContext context;
        try {
            context = builder.start();
        } catch (RuntimeException e) {
            throw explained(e);
        }
        try {
            EmbeddedServer server = serveHttp ? context.getBean(EmbeddedServer.class).start() : null;
            ServiceHost host = new ServiceHost(context, server);
            host.streams().awaitRunning(startTimeout);
            return host;
        } catch (RuntimeException e) {
            context.close();
            // A stream bean whose creation failed at start is attempted again when first asked for.
            throw explained(e);
        }
    }

    /**
     * The application as a container runs it: the services the environment enables
     * ({@code ROGATORY_ROUTER_ENABLED=true}...), with their HTTP surface, until SIGTERM.
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(runUntilStopped(Map.of(), List.of()));
    }

    /**
     * Starts the enabled services with their HTTP surface, says where, and serves them until the JVM
     * is asked to stop (returns 0) or their streams die (returns 1, the reason printed).
     */
    public static int runUntilStopped(Map<String, Object> properties, List<Object> singletons) throws InterruptedException {
        ServiceHost host = start(properties, singletons, true, Duration.ofMinutes(2));
        LOG.info("{} running; /health, /prometheus and /info at {}", String.join(", ", host.streams().services().stream()
            .map(StreamService::name).toList()), host.url().orElseThrow());
        return serve(host::close, () -> host.streams().failure());
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C: returns 0 once {@code close} ran) or
     * until {@code failure} names a reason (returns 1 after printing it).
     */
    public static int serve(Runnable close, Supplier<Optional<String>> failure) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, "rogatory-shutdown"));
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            Optional<String> reason = failure.get();
            if (reason.isPresent()) {
                System.err.println("rogatory: " + reason.get());
                return 1;
            }
        }
        return 0;
    }

    public ApplicationContext context() {
        return context;
    }

    public ServiceStreams streams() {
        return context.getBean(ServiceStreams.class);
    }

    /** The HTTP address ({@code /health}, {@code /prometheus}, {@code /info}, the services' APIs), if served. */
    public Optional<URL> url() {
        return Optional.ofNullable(server).map(EmbeddedServer::getURL);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        context.close();
    }

    private static List<PropertySource> settingsFiles() {
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        return MODULES.stream().map(module -> "rogatory/" + module + ".yml").flatMap(resource -> {
            try (InputStream in = ServiceHost.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return java.util.stream.Stream.empty();
                }
                return java.util.stream.Stream.of(PropertySource.of("classpath:" + resource, yaml.read(resource, in),
                    PropertySource.Origin.of("classpath:" + resource), YamlPropertySourceLoader.DEFAULT_POSITION));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }).toList();
    }

    /** A wrong setting as one line: the property, its value and where it came from. */
    private static RuntimeException explained(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSetting invalid) {
                String source = whereSet(invalid.property());
                LOG.debug("invalid setting", failure);
                return new InvalidSetting(invalid.property(), invalid.getMessage().substring(invalid.property().length() + 2)
                    + source);
            }
        }
        return failure;
    }

    private static String whereSet(String property) {
        String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        if (System.getenv(variable) != null) {
            return " (from the environment variable " + variable + ")";
        }
        for (PropertySource file : settingsFiles()) {
            if (file.get(property) != null) {
                return " (from " + file.getOrigin().location() + ")";
            }
        }
        return "";
    }
}
