package org.rogatory.simulator.cli;

import org.rogatory.authorities.AuthoritiesService;
import org.rogatory.registry.Application;
import org.rogatory.router.RouterService;
import org.rogatory.timer.CaseTimerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one service alone against an external cluster, as a container would (docker-compose,
 * Kubernetes): each reads KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL from the environment.
 */
@Command(name = "service", mixinStandardHelpOptions = true,
    description = {"Run one service alone against an external cluster, configured by the environment:",
        "KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL (and SCHEMA_REGISTRY_PORT for the registry,",
        "ROGATORY_WORLD for the router). The authorities take the scenario file as argument."})
final class ServiceCommand implements Callable<Integer> {

    enum Name { schema_registry, router, case_timer, authorities }

    @Parameters(index = "0", paramLabel = "NAME", description = "schema-registry, router, case-timer or authorities.",
        converter = NameConverter.class)
    Name name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Passed to the service (authorities: SCENARIO [settings.properties]).")
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        String[] rest = args.toArray(String[]::new);
        switch (name) {
            case schema_registry -> Application.main(rest);
            case router -> RouterService.main(rest);
            case case_timer -> CaseTimerService.main(rest);
            case authorities -> AuthoritiesService.main(rest);
        }
        return 0;
    }

    static final class NameConverter implements picocli.CommandLine.ITypeConverter<Name> {
        @Override
        public Name convert(String value) {
            try {
                return Name.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a service: schema-registry, router, case-timer or authorities");
            }
        }
    }
}
