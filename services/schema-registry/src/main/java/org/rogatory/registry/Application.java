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
        String leader = context.getProperty("registry.leader-url", String.class).filter(url -> !url.isBlank())
            .map(url -> "follower of " + url).orElse("leader");
        LoggerFactory.getLogger(Application.class).info("Schema registry serving {} as {}, log topic {}",
            context.getBean(EmbeddedServer.class).getURL(), leader, context.getProperty("registry.topic", String.class).orElse("_schemas"));
        return context;
    }
}
