package dev.adxfed.emulator.faults;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One way a virtual cluster, or the local Azure Resource Manager endpoint, misbehaves, for tests of the
 * code that talks to it. Build one with a
 * factory ({@link #kustoError}, {@link #throttle}, {@link #internalError}, {@link #delay},
 * {@link #failScriptCommands}, {@link #unreachable}), narrow it with {@link #matching(String)} and {@link #times(int)}
 * (not an unreachable one: a host that is down refuses every connection), and arm it with {@link FaultSwitch#inject(Fault)}.
 *
 * @param kind    what happens to a matching request
 * @param match   a regular expression searched for in the request's text (the command or query, or for
 *                {@link Kind#FAIL_SCRIPT_COMMANDS} each command of a script; on the ARM endpoint
 *                {@code "METHOD /path"}); null matches everything
 * @param times   how many matching requests (or script commands) it affects before it disarms; null: all
 * @param status  the HTTP status of a {@link Kind#KUSTO_ERROR}
 * @param code    the error code of a {@link Kind#KUSTO_ERROR}: Kusto's, e.g. {@code SEM0100}, or on the ARM endpoint
 *                ARM's, e.g. {@code AuthorizationFailed}
 * @param message the error text a client shows, or the reason a script command failed
 * @param delay   how long a {@link Kind#DELAY} holds the request before running it; for a {@link Kind#THROTTLE}
 *                on the ARM endpoint, the {@code Retry-After} it answers with (null: one second)
 */
public record Fault(Kind kind, String match, Integer times, int status, String code, String message, Duration delay) {

    /** What a fault does. */
    public enum Kind {
        /**
         * Answer with an error of the given HTTP status, code and message, in Kusto's JSON shape (on the ARM
         * endpoint, ARM's {@code {"error":{"code","message"}}}).
         */
        KUSTO_ERROR("kustoError"),
        /**
         * Answer HTTP 429 as a throttled Kusto cluster does (the Java SDK raises a ThrottleException), or as
         * throttled ARM does, with a {@code Retry-After} header.
         */
        THROTTLE("throttle"),
        /** Answer HTTP 500, a failure of the service itself. */
        INTERNAL_ERROR("internalError"),
        /** Hold the request for a while, then run it: longer than a client's timeout, the client gives up first. */
        DELAY("delay"),
        /** Inside {@code .execute database script}, mark matching commands Failed with the reason, without running them. */
        FAIL_SCRIPT_COMMANDS("failScriptCommands"),
        /**
         * Be a host that is down: the cluster's port refuses connections (open ones are dropped) and other clusters'
         * cross-cluster calls to it fail as calls to an unreachable cluster do, until the fault is cleared.
         */
        UNREACHABLE("unreachable");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name in the JSON body of {@code POST /adxfed/faults}. */
        public String jsonName() {
            return jsonName;
        }
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (match != null) {
            try {
                Pattern.compile(match);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("fault match '" + match + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("fault times must be at least 1, got " + times);
        }
        if (kind == Kind.KUSTO_ERROR && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a kustoError fault needs an HTTP error status (400 to 599), got " + status);
        }
        if (kind == Kind.UNREACHABLE && (match != null || times != null)) {
            throw new IllegalArgumentException("an unreachable fault takes no match and no times: a host that is down refuses"
                    + " every connection, whatever it would have been sent; clear the cluster's faults to bring it back");
        }
        if (kind != Kind.DELAY && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("a " + kind.jsonName() + " fault needs a message");
        }
        if (kind != Kind.DELAY && kind != Kind.FAIL_SCRIPT_COMMANDS && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("a " + kind.jsonName() + " fault needs a code");
        }
        if (kind == Kind.DELAY && (delay == null || delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a delay fault needs a positive delay, got " + delay);
        }
        if (kind == Kind.THROTTLE && delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("a throttle fault's Retry-After cannot be negative, got " + delay);
        }
        if (kind != Kind.DELAY && kind != Kind.THROTTLE && delay != null) {
            throw new IllegalArgumentException("only delay and throttle faults take a duration");
        }
    }

    /** Matching requests fail with HTTP 400 and this Kusto error code and message. */
    public static Fault kustoError(String code, String message) {
        return kustoError(400, code, message);
    }

    /** Matching requests fail with this HTTP status, Kusto error code and message. */
    public static Fault kustoError(int status, String code, String message) {
        return new Fault(Kind.KUSTO_ERROR, null, null, status, required(code, "code"), required(message, "message"), null);
    }

    /** Matching requests are throttled: HTTP 429. */
    public static Fault throttle() {
        return new Fault(Kind.THROTTLE, null, null, 429, "TooManyRequests",
                "The request was throttled; retrying after some backoff might succeed", null);
    }

    /** Matching requests fail with HTTP 500 and this message. */
    public static Fault internalError(String message) {
        return new Fault(Kind.INTERNAL_ERROR, null, null, 500, "InternalServiceError", required(message, "message"), null);
    }

    /** Matching requests wait this long before they run. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, null, null, 0, null, null, delay);
    }

    /** Matching commands inside {@code .execute database script} are Failed with this reason. */
    public static Fault failScriptCommands(String reason) {
        return new Fault(Kind.FAIL_SCRIPT_COMMANDS, null, null, 0, null, required(reason, "reason"), null);
    }

    /**
     * The cluster is down: its port refuses connections and cross-cluster calls to it fail as to an unreachable
     * cluster, until {@link FaultSwitch#clear()} (or {@code DELETE /adxfed/faults?cluster=NAME} on another cluster).
     */
    public static Fault unreachable() {
        return new Fault(Kind.UNREACHABLE, null, null, 0, "ConnectionRefused", "the cluster is down (an injected unreachable fault)", null);
    }

    /** The same fault, only for requests (or script commands) in which {@code regex} is found. */
    public Fault matching(String regex) {
        return new Fault(kind, required(regex, "match"), times, status, code, message, delay);
    }

    /** The same throttle fault, telling ARM clients to retry after {@code wait} ({@code Retry-After}, whole seconds). */
    public Fault retryAfter(Duration wait) {
        if (kind != Kind.THROTTLE) {
            throw new IllegalArgumentException("only a throttle fault has a Retry-After, not a " + kind.jsonName() + " fault");
        }
        return new Fault(kind, match, times, status, code, message, Objects.requireNonNull(wait, "wait"));
    }

    /** The same fault, only for the next {@code n} matching requests (or script commands). */
    public Fault times(int n) {
        return new Fault(kind, match, n, status, code, message, delay);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a fault needs a " + name);
        }
        return value;
    }
}
