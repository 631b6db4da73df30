package org.rogatory.authorities.scenario;

/**
 * A scenario file that does not validate; the message reads
 * {@code file:line:column: field: problem} so an editor can jump to it.
 */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    ScenarioException(String file, int line, int column, String field, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + field + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Path of the offending field, e.g. {@code msel[2].until}. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
