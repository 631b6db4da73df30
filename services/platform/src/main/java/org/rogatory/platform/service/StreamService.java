package org.rogatory.platform.service;

import java.util.List;

/**
 * What every stream service tells the application hosting it: its name (that of its
 * {@code kafka.streams.<name>} settings and of its {@code rogatory.<name>.enabled} switch), the
 * topics it consumes, and its stage on a request's path. Each enabled service contributes one bean.
 *
 * @param name        e.g. {@code router}, {@code case-timer}
 * @param inputTopics every topic its streams read (a lockstep barrier waits until they are consumed)
 * @param stage       position on a request's path (router 1, authorities 2, case timer 3): the
 *                    barrier checks services in this order so that work handed downstream is seen
 */
public record StreamService(String name, List<String> inputTopics, int stage) {

    public StreamService {
        inputTopics = List.copyOf(inputTopics);
    }

    /** The configuration switch that enables this service in an application. */
    public static String enabledProperty(String name) {
        return "rogatory." + name + ".enabled";
    }
}
