package org.rogatory.router.world;

/** A world file that cannot be used; the message names the file, the line and the field. */
public class WorldFileException extends RuntimeException {

    public WorldFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
