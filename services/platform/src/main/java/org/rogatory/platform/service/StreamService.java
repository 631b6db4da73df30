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
 * @param repartitions the names of its repartition topics (without the application id prefix and
 *                    the "-repartition" suffix Kafka Streams adds): a record handed to one is work
 *                    the service has not done yet, which the barrier must wait for too
 */
public record StreamService(String name, List<String> inputTopics, int stage, List<String> repartitions) {

    public StreamService {
        inputTopics = List.copyOf(inputTopics);
        repartitions = List.copyOf(repartitions);
    }

    /** A service without repartition topics. */
    public StreamService(String name, List<String> inputTopics, int stage) {
        this(name, inputTopics, stage, List.of());
    }

    /** The configuration switch that enables this service in an application. */
    public static String enabledProperty(String name) {
        return "rogatory." + name + ".enabled";
    }
}
