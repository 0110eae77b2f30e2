package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the endpoint answers: a status, a JSON body (or none), and for a request that started a long-running
 * operation, the operation whose URLs go in the {@code Azure-AsyncOperation} and {@code Location} headers.
 */
record ArmResponse(int status, JsonNode body, LongRunningOperation operation) {

    static ArmResponse ok(JsonNode body) {
        return new ArmResponse(200, body, null);
    }

    static ArmResponse of(int status, JsonNode body) {
        return new ArmResponse(status, body, null);
    }

    static ArmResponse started(int status, JsonNode body, LongRunningOperation operation) {
        return new ArmResponse(status, body, operation);
    }
}
