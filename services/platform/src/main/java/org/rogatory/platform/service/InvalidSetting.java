package org.rogatory.platform.service;

/**
 * A service's setting that it cannot run with; the application that hosts the service names the
 * property, its value and where the value came from (file or environment variable) in one line.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private final String property;

    public InvalidSetting(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
