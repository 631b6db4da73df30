package org.rogatory.registry;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

/** Standalone registry: {@code java -cp ... org.rogatory.registry.Application}, configured by application.yml and environment variables. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the registry with its HTTP server and returns its context; it serves until the context closes. */
    public static ApplicationContext start(String[] args) {
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).banner(false)
            .properties(SchemaRegistryServer.REQUIRED).start();
        RegistryConfiguration configuration = context.getBean(RegistryConfiguration.class);
        String leader = configuration.leader().map(url -> "follower of " + url).orElse("leader");
        LoggerFactory.getLogger(Application.class).info("Schema registry serving {} as {}, log topic {}",
            context.getBean(EmbeddedServer.class).getURL(), leader, configuration.topic());
        return context;
    }
}
