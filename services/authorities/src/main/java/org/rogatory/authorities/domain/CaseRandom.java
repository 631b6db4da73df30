package org.rogatory.authorities.domain;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random numbers for one step of one case, seeded from (scenario seed, case id, step) and never
 * from shared state, so the draws do not depend on the order in which threads or partitions
 * reach a case (docs/determinism.md#seeded-draws).
 */
public final class CaseRandom {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private CaseRandom() {
    }

    public static SplittableRandom of(long seed, String caseId, String step) {
        long h = mix64(seed);
        h = mix64(h ^ fnv64(caseId));
        h = mix64(h ^ fnv64(step));
        return new SplittableRandom(h);
    }

    public static SplittableRandom of(long seed, String caseId, String step, int round) {
        return of(seed, caseId, step + '#' + round);
    }

    /** FNV-1a over UTF-8 bytes: stable across JVMs, unlike identity hashes. */
    private static long fnv64(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64 finaliser: spreads nearby seeds (1, 2, 3...) over the whole state space. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
