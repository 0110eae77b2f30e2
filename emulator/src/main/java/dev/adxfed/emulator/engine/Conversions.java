package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.adxfed.emulator.catalog.ScalarType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Kusto's conversion functions over in-memory values (see {@link ScalarType}).
 * As in Kusto, a value that does not convert gives null, never an error.
 */
public final class Conversions {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Conversions() {
    }

    /** Converts to the in-memory class of {@code type}; null when the value does not convert. */
    public static Object to(ScalarType type, Object v) {
        return switch (type) {
            case BOOL -> toBool(v);
            case INT -> toInt(v);
            case LONG -> toLong(v);
            case REAL -> toReal(v);
            case DECIMAL -> toDecimal(v);
            case STRING -> ScalarText.format(v);
            case DATETIME -> toDatetime(v);
            case TIMESPAN -> toTimespan(v);
            case GUID -> toGuid(v);
            case DYNAMIC -> toDynamic(v);
        };
    }

    public static Long toLong(Object v) {
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : (long) d.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Instant i) {
            return ScalarText.toTicks(i);
        }
        if (v instanceof Duration d) {
            return ScalarText.toTicks(d);
        }
        if (v instanceof String s) {
            return parseLong(s);
        }
        if (v instanceof JsonNode j) {
            return j.isNumber() ? toLong(numberOf(j)) : j.isTextual() ? parseLong(j.textValue()) : null;
        }
        return null;
    }

    public static Integer toInt(Object v) {
        Long l = toLong(v);
        return l == null || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? null : l.intValue();
    }

    public static Double toReal(Object v) {
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof Instant || v instanceof Duration) {
            return toLong(v).doubleValue();
        }
        if (v instanceof String s) {
            return parseReal(s);
        }
        if (v instanceof JsonNode j) {
            return j.isNumber() ? j.doubleValue() : j.isTextual() ? parseReal(j.textValue()) : null;
        }
        return null;
    }

    public static BigDecimal toDecimal(Object v) {
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Integer || v instanceof Long) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            return parseDecimal(s);
        }
        if (v instanceof JsonNode j) {
            return j.isNumber() ? j.decimalValue() : j.isTextual() ? parseDecimal(j.textValue()) : null;
        }
        return null;
    }

    public static Boolean toBool(Object v) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Double d) {
            return d.isNaN() ? null : d != 0;
        }
        if (v instanceof BigDecimal b) {
            return b.signum() != 0;
        }
        if (v instanceof String s) {
            return parseBool(s);
        }
        if (v instanceof JsonNode j) {
            return j.isBoolean() ? j.booleanValue() : j.isNumber() ? toBool(numberOf(j)) : j.isTextual() ? parseBool(j.textValue()) : null;
        }
        return null;
    }

    public static Instant toDatetime(Object v) {
        if (v == null || v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof String s) {
            return ScalarText.parseDatetime(s);
        }
        if (v instanceof JsonNode j && j.isTextual()) {
            return ScalarText.parseDatetime(j.textValue());
        }
        return null;
    }

    public static Duration toTimespan(Object v) {
        if (v == null || v instanceof Duration) {
            return (Duration) v;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ScalarText.timespanOfTicks(((Number) v).longValue());
        }
        if (v instanceof String s) {
            return ScalarText.parseTimespan(s);
        }
        if (v instanceof JsonNode j) {
            return j.isIntegralNumber() ? ScalarText.timespanOfTicks(j.longValue())
                    : j.isTextual() ? ScalarText.parseTimespan(j.textValue()) : null;
        }
        return null;
    }

    public static UUID toGuid(Object v) {
        if (v == null || v instanceof UUID) {
            return (UUID) v;
        }
        String s = v instanceof String str ? str : v instanceof JsonNode j && j.isTextual() ? j.textValue() : null;
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.length() == 38 && t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, 37);
        } else if (t.length() == 32 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-" + t.substring(16, 20) + "-" + t.substring(20);
        }
        if (t.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code todynamic}: strings are parsed as JSON (text that is not JSON stays a string); other values are wrapped. */
    public static JsonNode toDynamic(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNode j) {
            return j;
        }
        if (v instanceof String s) {
            try {
                JsonNode parsed = JSON.readTree(s);
                return parsed == null || parsed.isMissingNode() ? null : parsed instanceof NullNode ? null : parsed;
            } catch (JsonProcessingException e) {
                return NODES.textNode(s);
            }
        }
        return wrap(v);
    }

    /** A value as an element of a dynamic array or bag: numbers and bools as JSON, the rest as their text. */
    public static JsonNode wrap(Object v) {
        if (v == null) {
            return NullNode.getInstance();
        }
        if (v instanceof JsonNode j) {
            return j;
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        return NODES.textNode(ScalarText.format(v));
    }

    /** Reads a dynamic element as a plain value of the most natural type (used when a dynamic meets a typed operand). */
    public static Object unwrap(JsonNode j) {
        if (j == null || j.isNull() || j.isMissingNode()) {
            return null;
        }
        if (j.isTextual()) {
            return j.textValue();
        }
        if (j.isBoolean()) {
            return j.booleanValue();
        }
        if (j.isNumber()) {
            return numberOf(j);
        }
        return j;
    }

    private static Object numberOf(JsonNode j) {
        if (j.isIntegralNumber() && j.canConvertToLong()) {
            return j.longValue();
        }
        if (j.isBigDecimal()) {
            return j.decimalValue();
        }
        return j.doubleValue();
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseReal(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F") || t.startsWith("0x")) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean parseBool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
