package dev.adxfed.emulator.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adxfed.emulator.KustoError;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** An error in Kusto's shape; the SDKs show {@code @message}, so that is where the useful text goes. */
final class ErrorResponse {

    private ErrorResponse() {}

    static byte[] of(KustoError error, String clusterName, String clientRequestId, UUID activityId) {
        return WireJson.bytes(out -> write(out, error, clusterName, clientRequestId, activityId));
    }

    /** {@code {"error": {...}}}: the body of an HTTP error, and each element of a v2 stream's OneApiErrors. */
    static void write(JsonGenerator out, KustoError error, String clusterName, String clientRequestId, UUID activityId)
            throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("error");
        out.writeStringField("code", error.httpCode());
        out.writeStringField("message", summary(error.httpStatus()));
        out.writeStringField("@type", error.type());
        out.writeStringField("@message", error.getMessage());
        out.writeObjectFieldStart("@context");
        out.writeStringField("timestamp", Instant.now().toString());
        out.writeStringField("serviceAlias", clusterName);
        out.writeStringField("clientRequestId", clientRequestId);
        out.writeStringField("activityId", activityId.toString());
        out.writeEndObject();
        out.writeBooleanField("@permanent", error.permanent());
        out.writeStringField("@errorCode", error.errorCode());
        out.writeEndObject();
        out.writeEndObject();
    }

    private static String summary(int status) {
        if (status == 429) {
            return "Request is throttled.";
        }
        return status < 500 ? "Request is invalid and cannot be executed." : "Internal error in the adxfed emulator.";
    }
}
