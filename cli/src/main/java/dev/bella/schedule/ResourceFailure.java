package dev.bella.schedule;

/** A resource that cannot be brought to its state for a reason AWS did not raise as an error. */
final class ResourceFailure extends RuntimeException {

    final String code;

    ResourceFailure(String code, String message) {
        super(message);
        this.code = code;
    }
}
