/** The REST API, Confluent's resource by resource; enabled with the rest of the registry. */
@Configuration
@Requires(property = "registry.enabled", value = "true")
package org.rogatory.registry.api;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
