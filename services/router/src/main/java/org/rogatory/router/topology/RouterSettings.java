package org.rogatory.router.topology;

import org.rogatory.router.domain.RoutingParameters;

/**
 * What the router topology is built from.
 *
 * @param parameters the routing rules' scenario parameters (from the world file)
 */
public record RouterSettings(RoutingParameters parameters) {
}
