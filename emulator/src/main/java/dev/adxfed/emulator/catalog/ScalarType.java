package dev.adxfed.emulator.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Kusto's scalar types with the names each surface uses: the KQL name (also v2 ColumnType),
 * the v1 DataType, and the .NET type that schema commands report.
 *
 * <p>In memory a value of each type is one Java class, and null is Kusto's null:
 * bool {@link Boolean}, int {@link Integer}, long {@link Long}, real {@link Double},
 * decimal {@link java.math.BigDecimal}, string {@link String} (never null: Kusto strings are empty instead),
 * datetime {@link java.time.Instant}, timespan {@link java.time.Duration}, guid {@link java.util.UUID},
 * dynamic {@link com.fasterxml.jackson.databind.JsonNode}.
 */
public enum ScalarType {
    BOOL("bool", "Boolean", "System.SByte"),
    INT("int", "Int32", "System.Int32"),
    LONG("long", "Int64", "System.Int64"),
    REAL("real", "Double", "System.Double"),
    DECIMAL("decimal", "Decimal", "System.Data.SqlTypes.SqlDecimal"),
    STRING("string", "String", "System.String"),
    DATETIME("datetime", "DateTime", "System.DateTime"),
    TIMESPAN("timespan", "TimeSpan", "System.TimeSpan"),
    GUID("guid", "Guid", "System.Guid"),
    DYNAMIC("dynamic", "Object", "System.Object");

    private final String kqlName;
    private final String v1DataType;
    private final String dotnetName;

    ScalarType(String kqlName, String v1DataType, String dotnetName) {
        this.kqlName = kqlName;
        this.v1DataType = v1DataType;
        this.dotnetName = dotnetName;
    }

    /** The name in KQL text and in v2 ColumnType, e.g. {@code long}. */
    public String kqlName() {
        return kqlName;
    }

    /** The v1 response column DataType, e.g. {@code Int64}. */
    public String v1DataType() {
        return v1DataType;
    }

    /** The .NET type name of schema commands, e.g. {@code System.Int64}. */
    public String dotnetName() {
        return dotnetName;
    }

    /** Reads a type name as KQL accepts it, including the aliases (boolean, int64, double, date, time, uniqueid, ...). */
    public static Optional<ScalarType> fromKqlName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "bool", "boolean" -> Optional.of(BOOL);
            case "int", "int32" -> Optional.of(INT);
            case "long", "int64" -> Optional.of(LONG);
            case "real", "double" -> Optional.of(REAL);
            case "decimal" -> Optional.of(DECIMAL);
            case "string" -> Optional.of(STRING);
            case "datetime", "date" -> Optional.of(DATETIME);
            case "timespan", "time" -> Optional.of(TIMESPAN);
            case "guid", "uniqueid" -> Optional.of(GUID);
            case "dynamic" -> Optional.of(DYNAMIC);
            default -> Arrays.stream(values()).filter(t -> t.dotnetName.equalsIgnoreCase(name)).findFirst();
        };
    }
}
