package org.rogatory.authorities.topology;

/**
 * Key of an input in the inbox store: node, simulated time (zero-padded so that the store's
 * byte order is time order), kind and tie-breaker (case id first).
 */
record InboxKey(String node, long at, char kind, String tie) {
    private static final int SECTION = 2;

    String render(String section) {
        return section + node + '|' + String.format("%015d", at) + '|' + kind + '|' + tie;
    }

    InboxKey at(long time) {
        return new InboxKey(node, time, kind, tie);
    }

    /** Node ids contain no '|' (directory ids like ALD-CA-MLA); the tie-breaker may. */
    static InboxKey parse(String key) {
        int nodeEnd = key.indexOf('|', SECTION);
        int timeEnd = key.indexOf('|', nodeEnd + 1);
        return new InboxKey(key.substring(SECTION, nodeEnd), Long.parseLong(key.substring(nodeEnd + 1, timeEnd)),
                key.charAt(timeEnd + 1), key.substring(timeEnd + 3));
    }
}
