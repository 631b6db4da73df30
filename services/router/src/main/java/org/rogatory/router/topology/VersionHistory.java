package org.rogatory.router.topology;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one directory or treaty record, each valid from its record timestamp: what a
 * global store keeps so that a request sees the world as it stood at the request's own time.
 * Encoding: count, then per version (ascending validFrom) the time, the length (-1 = withdrawn)
 * and the raw record bytes as they came from the topic.
 */
final class VersionHistory {

    /** One version: the record bytes from {@code validFrom} on, or null once withdrawn. */
    record Version(long validFrom, byte[] value) {
    }

    private VersionHistory() {
    }

    /** The history with {@code value} (null = record deleted) valid from {@code validFrom}; a version at the same time is replaced. */
    static byte[] with(byte[] history, long validFrom, byte[] value) {
        List<Version> versions = decode(history);
        versions.removeIf(v -> v.validFrom() == validFrom);
        int at = 0;
        while (at < versions.size() && versions.get(at).validFrom() < validFrom) {
            at++;
        }
        versions.add(at, new Version(validFrom, value));
        return encode(versions);
    }

    /** Every version, oldest first. */
    static List<Version> decode(byte[] history) {
        List<Version> versions = new ArrayList<>();
        if (history == null) {
            return versions;
        }
        ByteBuffer buffer = ByteBuffer.wrap(history);
        int count = buffer.getInt();
        for (int i = 0; i < count; i++) {
            long validFrom = buffer.getLong();
            int length = buffer.getInt();
            byte[] value = null;
            if (length >= 0) {
                value = new byte[length];
                buffer.get(value);
            }
            versions.add(new Version(validFrom, value));
        }
        return versions;
    }

    private static byte[] encode(List<Version> versions) {
        int size = Integer.BYTES + versions.stream().mapToInt(v -> Long.BYTES + Integer.BYTES + (v.value() == null ? 0 : v.value().length)).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(versions.size());
        for (Version version : versions) {
            buffer.putLong(version.validFrom());
            buffer.putInt(version.value() == null ? -1 : version.value().length);
            if (version.value() != null) {
                buffer.put(version.value());
            }
        }
        return buffer.array();
    }
}
