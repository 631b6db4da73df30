package org.rogatory.router.world;

import org.rogatory.platform.yaml.YamlProblem;

/** A world file that cannot be used; the message reads {@code file:line:column: field: problem}. */
public class WorldFileException extends RuntimeException {

    public WorldFileException(String source, YamlProblem problem, Throwable cause) {
        super(source + ":" + problem.where() + ": " + problem.field() + ": " + problem.problem(), cause);
    }
}
