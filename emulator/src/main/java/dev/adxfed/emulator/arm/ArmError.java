package dev.adxfed.emulator.arm;

import java.time.Duration;

/**
 * An error as Azure Resource Manager answers it: an HTTP status and {@code {"error":{"code","message"}}},
 * with {@code Retry-After} when throttled. The message names what was wrong.
 */
final class ArmError extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    ArmError(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    ArmError(int status, String code, String message) {
        this(status, code, message, null);
    }

    static ArmError badRequest(String message) {
        return new ArmError(400, "BadRequest", message);
    }

    /** A body that is not JSON, or not of the shape the resource takes. */
    static ArmError invalidContent(String message) {
        return new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: " + message);
    }

    static ArmError resourceGroupNotFound(String resourceGroup) {
        return new ArmError(404, "ResourceGroupNotFound", "Resource group '" + resourceGroup + "' could not be found.");
    }

    static ArmError resourceNotFound(String type, String name, String resourceGroup) {
        return new ArmError(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' under resource group '"
                + resourceGroup + "' was not found.");
    }

    static ArmError conflict(String message) {
        return new ArmError(409, "Conflict", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** How long a throttled client should wait, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
