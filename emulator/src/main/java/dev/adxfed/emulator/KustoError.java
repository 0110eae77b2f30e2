package dev.adxfed.emulator;

import java.util.Objects;

/**
 * An error as Kusto reports it: the server turns it into an HTTP error in Kusto's shape
 * ({@code {"error":{"code","message","@type","@message","@errorCode","@permanent"}}}), and the
 * official SDKs show its message to the user. The message says what was wrong and where.
 */
public final class KustoError extends RuntimeException {

    /** HTTP status for errors the caller caused. */
    public static final int BAD_REQUEST = 400;
    /** HTTP status for errors the emulator caused. */
    public static final int INTERNAL = 500;

    private final String errorCode;
    private final String httpCode;
    private final String type;
    private final boolean permanent;
    private final int httpStatus;

    private KustoError(String errorCode, String httpCode, String type, String message, boolean permanent, int httpStatus) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = errorCode;
        this.httpCode = httpCode;
        this.type = type;
        this.permanent = permanent;
        this.httpStatus = httpStatus;
    }

    /** A text that does not parse; {@code message} should name the line and column. */
    public static KustoError syntax(String message) {
        return new KustoError("SYN0002", "BadRequest_SyntaxError", "Kusto.Data.Exceptions.SyntaxException",
                "Syntax error: " + message, true, BAD_REQUEST);
    }

    /** A text that parses but means nothing valid, with Kusto's semantic error code (e.g. SEM0100). */
    public static KustoError semantic(String code, String message) {
        return new KustoError(code, "BadRequest_SemanticError", "Kusto.Data.Exceptions.SemanticException",
                "Semantic error: " + code + ": " + message, true, BAD_REQUEST);
    }

    /** A named entity (database, table, function, entity group, column, ...) that does not exist. */
    public static KustoError notFound(String kind, String name) {
        return new KustoError("EntityNotFound", "BadRequest_EntityNotFound", "Kusto.Data.Exceptions.EntityNotFoundException",
                kind + " '" + name + "' was not found", true, BAD_REQUEST);
    }

    /** A named entity that a create command would duplicate. */
    public static KustoError alreadyExists(String kind, String name) {
        return new KustoError("EntityAlreadyExists", "BadRequest_EntityAlreadyExists",
                "Kusto.Common.Svc.Exceptions.EntityAlreadyExistsException",
                kind + " '" + name + "' already exists", true, BAD_REQUEST);
    }

    /**
     * A command the cluster will not run for anyone (HTTP 403), as a regular ADX cluster refuses to make or drop
     * databases, which are made in Azure.
     */
    public static KustoError forbidden(String message) {
        return new KustoError("Forbidden", "Forbidden", "Kusto.Common.Svc.Exceptions.UnauthorizedOperationException",
                message, true, 403);
    }

    /** A valid Kusto feature this emulator does not implement. */
    public static KustoError unsupported(String feature) {
        return new KustoError("NotSupported", "BadRequest_NotSupported", "Kusto.Data.Exceptions.KustoNotSupportedException",
                "Not supported by the adxfed emulator: " + feature, true, BAD_REQUEST);
    }

    /** A value or property the command cannot use, e.g. a CSV cell that is not of its column's type. */
    public static KustoError badArgument(String message) {
        return new KustoError("BadArgument", "BadRequest_InvalidArgument", "Kusto.Data.Exceptions.KustoBadRequestException",
                message, true, BAD_REQUEST);
    }

    /**
     * Data that ingestion cannot read, with the code of Kusto's "ingestion error codes" page (e.g.
     * {@code Stream_WrongNumberOfFields}, {@code BadRequest_NoRecordsOrWrongFormat}); nothing was stored.
     */
    public static KustoError ingestion(String code, String message) {
        return new KustoError(code, code, "Kusto.Data.Exceptions.KustoBadRequestException", code + ": " + message, true, BAD_REQUEST);
    }

    /** A request that is not a Kusto request at all (no body, bad JSON, unknown endpoint). */
    public static KustoError badRequest(String message) {
        return new KustoError("BadRequest", "BadRequest_InvalidArgument", "Kusto.Data.Exceptions.KustoBadRequestException",
                message, true, BAD_REQUEST);
    }

    /**
     * A query result over its truncation limits: a partial query failure, reported inside the v2 stream of an
     * HTTP 200 response. {@code limit} is Kusto's text, e.g. "Query result set has exceeded the internal record
     * count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE)."
     */
    public static KustoError resultSetTooLarge(String limit) {
        return new KustoError("E_QUERY_RESULT_SET_TOO_LARGE", "LimitsExceeded",
                "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException",
                "Query execution has exceeded the allowed limits (80DA0003): " + limit, true, BAD_REQUEST);
    }

    /** A failure of the emulator itself; the message still names the cause. */
    public static KustoError internal(String message) {
        return new KustoError("InternalServiceError", "InternalServiceError", "Kusto.Data.Exceptions.KustoServiceException",
                message, false, INTERNAL);
    }

    /**
     * An error with every part chosen by the caller, as an injected fault answers: {@code errorCode} is
     * Kusto's specific code ({@code @errorCode}), {@code httpCode} the family in the response's {@code code}.
     */
    public static KustoError injected(int httpStatus, String errorCode, String httpCode, String type, String message,
                                      boolean permanent) {
        return new KustoError(errorCode, httpCode, type, message, permanent, httpStatus);
    }

    /** The same error with {@code context} (e.g. which command of a script) before its message. */
    public KustoError within(String context) {
        return new KustoError(errorCode, httpCode, type, context + ": " + getMessage(), permanent, httpStatus);
    }

    /** Kusto's specific code, e.g. {@code SYN0002} or {@code SEM0614}. */
    public String errorCode() {
        return errorCode;
    }

    /** The error family of the HTTP response, e.g. {@code BadRequest_SyntaxError}. */
    public String httpCode() {
        return httpCode;
    }

    /** The .NET exception type Kusto names in {@code @type}. */
    public String type() {
        return type;
    }

    /** Whether retrying the same request cannot succeed. */
    public boolean permanent() {
        return permanent;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
