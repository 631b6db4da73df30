package org.rogatory.simulator.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.rogatory.authorities.AuthoritiesConfiguration;
import org.rogatory.authorities.AuthoritiesStream;
import org.rogatory.gateway.GatewayConfiguration;
import org.rogatory.gateway.GatewayStream;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.registry.Application;
import org.rogatory.router.RouterConfiguration;
import org.rogatory.router.RouterStream;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.Pipeline;
import org.rogatory.timer.CaseTimerStream;
import org.rogatory.timer.topology.CaseTimerTopology;
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

    @Option(names = "--scenario", description = {"The exercise this service serves, for a run to drive (run --use-running-services):",
        "the authorities simulate its nodes (node behaviour, seed; required for them), the router takes its world's routing parameters,",
        "the case timer its clock and ladder overrides, deciding clocks as a lockstep run needs."})
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
        if (name == Name.authorities && scenario == null) {
            throw new IllegalArgumentException("the authorities simulate the nodes of an exercise: give --scenario FILE");
        }
        if (world != null && scenario != null) {
            throw new IllegalArgumentException("give --scenario or --world, not both (a scenario names its world)");
        }
        if (world != null) {
            settings.putAll(RouterConfiguration.properties(WorldLoader.load(world).parameters()));
        }
        if (scenario != null) {
            // The settings a run gives its own services for this scenario (Pipeline), so that a run driving
            // this service gives the report it would give with its own.
            LoadedScenario loaded = ScenarioLoader.load(scenario);
            World scenarioWorld = loaded.world();
            switch (name) {
                case router -> settings.putAll(RouterConfiguration.properties(loaded.scenario().routing(scenarioWorld.parameters())));
                // heap stores (changelogged) like the run's own timer: an exercise's state lives as long as the exercise
                case case_timer -> settings.putAll(Pipeline.caseTimerSettings(loaded.scenario(), ExerciseRunner.TIMER_GRACE,
                    CaseTimerTopology.StoreKind.IN_MEMORY));
                case gateway -> settings.putAll(GatewayConfiguration.properties(loaded.scenario().playedNodes()));
                default -> {
                    singletons.add(loaded.scenario().nodeBehaviourTable());
                    singletons.add(loaded.scenario().transportPolicy());
                    settings.putAll(AuthoritiesConfiguration.properties(loaded.scenario().seed(),
                        scenarioWorld.parameters().translationDelayHours(), loaded.scenario().playedNodes()));
                }
            }
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
