package org.rogatory.simulator.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.rogatory.authorities.AuthoritiesConfiguration;
import org.rogatory.authorities.AuthoritiesStream;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.NodeBehaviourTable;
import org.rogatory.authorities.scenario.ScenarioLoader;
import org.rogatory.gateway.GatewayStream;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.registry.Application;
import org.rogatory.router.RouterConfiguration;
import org.rogatory.router.RouterStream;
import org.rogatory.router.world.WorldLoader;
import org.rogatory.timer.CaseTimerStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one service alone against an external cluster, as a container would (docker-compose,
 * Kubernetes): the same application as the all-in-one modes with that one service enabled,
 * configured by its settings files and the environment, serving until SIGTERM.
 */
@Command(name = "service", mixinStandardHelpOptions = true,
    description = {"Run one service alone against an external cluster until stopped (SIGTERM, Ctrl-C).",
        "It reads KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, ROGATORY_HTTP_PORT (its /health, /prometheus and /info) and its own settings from the environment (see docs/cli.md)."})
final class ServiceCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommand.class);

    enum Name { schema_registry, router, case_timer, authorities, gateway }

    @Parameters(index = "0", paramLabel = "NAME", description = "schema-registry, router, case-timer, authorities or gateway.",
        converter = NameConverter.class)
    Name name;

    @Option(names = "--scenario", description = "The exercise whose nodes the authorities simulate (its node behaviour and seed).")
    Path scenario;

    @Option(names = "--world", description = "World file whose settings give the router its routing parameters.")
    Path world;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        ConsoleLog.verbose(); // a service's log is its container's console
        if (name == Name.schema_registry) {
            ApplicationContext registry = Application.start(new String[0]);
            LOG.info("schema registry serving {} until stopped", registry.getBean(EmbeddedServer.class).getURL());
            // Micronaut's own shutdown hook stops the registry's context; closing it twice at once hangs.
            return ServiceHost.serve(() -> { }, Optional::empty);
        }
        Map<String, Object> settings = new HashMap<>();
        List<Object> singletons = new ArrayList<>();
        String service = switch (name) {
            case router -> RouterStream.NAME;
            case case_timer -> CaseTimerStream.NAME;
            case gateway -> GatewayStream.NAME;
            default -> AuthoritiesStream.NAME;
        };
        settings.put(StreamService.enabledProperty(service), true);
        if (world != null) {
            settings.putAll(RouterConfiguration.properties(WorldLoader.load(world).parameters()));
        }
        if (name == Name.authorities) {
            if (scenario == null) {
                throw new IllegalArgumentException("the authorities simulate the nodes of an exercise: give --scenario FILE");
            }
            LoadedScenario loaded = ScenarioLoader.load(scenario);
            singletons.add(new NodeBehaviourTable(loaded.scenario().nodeBehaviour()));
            settings.putAll(AuthoritiesConfiguration.properties(loaded.scenario().seed(),
                RunOptions.world(loaded).parameters().translationDelayHours()));
        }
        return ServiceHost.runUntilStopped(settings, singletons);
    }

    static final class NameConverter implements picocli.CommandLine.ITypeConverter<Name> {
        @Override
        public Name convert(String value) {
            try {
                return Name.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a service: schema-registry, router, case-timer, authorities or gateway");
            }
        }
    }
}
