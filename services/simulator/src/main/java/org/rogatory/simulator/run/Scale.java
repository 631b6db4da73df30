package org.rogatory.simulator.run;

import org.rogatory.platform.topics.TopicCatalogue;

/**
 * How a run lays its pipeline out: the partitions of every topic the in-process broker creates,
 * and the instances of every stream service (each its own application context, one consumer group
 * per service, as separate processes would be). A run's results must not depend on it: DeterminismIT
 * plays one scenario at two scales and compares the reports byte for byte.
 */
public record Scale(int partitions, int instances) {

    public static final Scale DEFAULT = new Scale(TopicCatalogue.DEFAULT_PARTITIONS, 1);

    public Scale {
        if (partitions < 1 || instances < 1) {
            throw new IllegalArgumentException("a run needs at least one partition and one instance, not " + partitions
                + " and " + instances);
        }
    }
}
