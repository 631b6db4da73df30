/**
 * The registry's beans exist only in a context that asks for them ({@code registry.enabled=true},
 * set by {@link org.rogatory.registry.Application} and {@link org.rogatory.registry.SchemaRegistryServer}),
 * so that another service's Micronaut context on a shared classpath (the all-in-one mode) does not
 * start a registry of its own.
 */
@Configuration
@Requires(property = "registry.enabled", value = "true")
package org.rogatory.registry;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
