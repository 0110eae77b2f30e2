package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.kql.KqlText;

/**
 * The most UTF-8 bytes a heartbeat's Schema value may have so that the hub stores it: ADX stores null for a
 * dynamic value over the column's MaxValueSize (1 MB unless its encoding policy says BigObject, 2 MB, or
 * BigObject32, 32 MB), with no error. The sender stays 5% under it, for the re-encoding ADX may do.
 *
 * @param maxValueSize the column's MaxValueSize in bytes
 * @param source       where it was learnt, for the log and the status
 */
public record SchemaLimit(long maxValueSize, String source) {

    private static final long MB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the sender assumes when the hub's column policy cannot be read or sets no profile. */
    public static final SchemaLimit DEFAULT = new SchemaLimit(MB, "the default 1 MB");

    public long bytes() {
        return maxValueSize - maxValueSize / 20;
    }

    /** Asks the hub for the encoding policy of the heartbeat table's Schema column. */
    public static String showCommand(String heartbeatTable) {
        return ".show column " + KqlText.identifier(heartbeatTable) + "." + KqlText.identifier("Schema") + " policy encoding";
    }

    /**
     * Reads the Policy cell of {@code .show column T.Schema policy encoding}. Microsoft documents the profiles,
     * not the policy's JSON, so it is read leniently: a MaxValueSize anywhere in it, else the profile's name,
     * else (null, no profile, not JSON) the default.
     */
    public static SchemaLimit fromPolicy(String policy) {
        if (policy == null || policy.isBlank()) {
            return DEFAULT;
        }
        try {
            JsonNode size = JSON.readTree(policy).findValue("MaxValueSize");
            if (size != null && size.canConvertToLong() && size.asLong() > 0) {
                return new SchemaLimit(size.asLong(), "the hub column's MaxValueSize");
            }
        } catch (JsonProcessingException e) {
            // not JSON: the profile's name may still be in it
        }
        if (policy.contains("BigObject32") || policy.contains("BigObjectIndexed32")) {
            return new SchemaLimit(32 * MB, "the hub column's BigObject32 policy");
        }
        if (policy.contains("BigObject")) {
            return new SchemaLimit(2 * MB, "the hub column's BigObject policy");
        }
        return DEFAULT;
    }
}
