package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the endpoint answers: a status, a JSON body (or none), and the long-running operation it concerns, if
 * any. An answer that {@code starts} (or polls by {@code Location}) an operation carries its
 * {@code Azure-AsyncOperation} and {@code Location} URLs; any answer about a running one says when to poll again.
 */
record ArmResponse(int status, JsonNode body, LongRunningOperation operation, boolean starts) {

    static ArmResponse ok(JsonNode body) {
        return of(200, body);
    }

    static ArmResponse of(int status, JsonNode body) {
        return new ArmResponse(status, body, null, false);
    }

    static ArmResponse started(int status, JsonNode body, LongRunningOperation operation) {
        return new ArmResponse(status, body, operation, true);
    }

    /** The status of {@code operation}, polled at its {@code Azure-AsyncOperation} URL. */
    static ArmResponse status(LongRunningOperation operation) {
        return new ArmResponse(200, operation.json(), operation, false);
    }
}
