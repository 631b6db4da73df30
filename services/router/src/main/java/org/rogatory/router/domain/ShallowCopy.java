package org.rogatory.router.domain;

import org.apache.avro.specific.SpecificRecordBase;

import java.util.function.Supplier;

/**
 * Field-by-field copy of a generated record, to derive a spawned case from its parent. Avro's
 * copy builders deep-copy through reflection guarded by a JVM-wide class allow-list; the domain
 * rules must not depend on who configured it.
 */
public final class ShallowCopy {

    private ShallowCopy() {
    }

    public static <T extends SpecificRecordBase> T of(T original, Supplier<T> empty) {
        T copy = empty.get();
        for (int i = 0; i < original.getSchema().getFields().size(); i++) {
            copy.put(i, original.get(i));
        }
        return copy;
    }
}
