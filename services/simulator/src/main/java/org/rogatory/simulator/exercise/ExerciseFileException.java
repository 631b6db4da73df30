package org.rogatory.simulator.exercise;

import org.rogatory.platform.yaml.YamlProblem;

/**
 * An exercise file (scenario or world) that does not validate; the message reads
 * {@code file:line:column: field: problem} so an editor can jump to it.
 */
public final class ExerciseFileException extends RuntimeException {
    private final String file;
    private final YamlProblem problem;

    ExerciseFileException(String file, YamlProblem problem, Throwable cause) {
        super(file + ":" + problem.where() + ": " + problem.field() + ": " + problem.problem(), cause);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 0 when not even the document's start was read. */
    public int line() {
        return problem.at() == null ? 0 : problem.at().getLineNr();
    }

    public int column() {
        return problem.at() == null ? 0 : problem.at().getColumnNr();
    }

    /** Path of the offending field, e.g. {@code msel[2].until}. */
    public String field() {
        return problem.field();
    }

    public String problem() {
        return problem.problem();
    }
}
