package org.rogatory.contracts.evolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cuts a contracts release: writes every current schema, fully resolved (nested types inlined so
 * each file stands alone), to schemas/released/&lt;version&gt;/. The evolution guard then checks
 * later changes against it. Run from schemas/ (see docs/topics.md, "Contracts and schema evolution").
 */
public final class ReleaseContracts {

    private ReleaseContracts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d+")) {
            throw new IllegalArgumentException("usage: ReleaseContracts <version number>");
        }
        Path dir = ContractSchemas.RELEASED.resolve(args[0]);
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " exists: a released version is never rewritten");
        }
        Files.createDirectories(dir);
        for (String name : ContractSchemas.names()) {
            Files.writeString(dir.resolve(name + ".avsc"), ContractSchemas.current(name).toString(true) + "\n");
        }
        System.out.println("released " + ContractSchemas.names().size() + " schemas to " + dir.toAbsolutePath());
    }
}
