package dev.bella.rightsize;

/** AWS answered, but the resource rightsizing was pointed at does not exist there. */
public final class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
