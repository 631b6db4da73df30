package org.rogatory.registry;

import io.micronaut.runtime.Micronaut;

/** Standalone registry: {@code java -jar}, configured by application.yml and environment variables. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).properties(SchemaRegistryServer.REQUIRED).start();
    }
}
