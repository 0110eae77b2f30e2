package dev.adxfed.kql.syntax;

/**
 * The type of a literal, with the Java class of its parsed value: bool {@link Boolean}, int
 * {@link Integer}, long {@link Long}, real {@link Double}, decimal {@link java.math.BigDecimal},
 * string {@link String}, datetime {@link java.time.Instant}, timespan {@link java.time.Duration},
 * guid {@link java.util.UUID}, dynamic the raw JSON text as a {@link String}.
 */
public enum LiteralType {
    BOOL("bool"), INT("int"), LONG("long"), REAL("real"), DECIMAL("decimal"), STRING("string"),
    DATETIME("datetime"), TIMESPAN("timespan"), GUID("guid"), DYNAMIC("dynamic");

    private final String kqlName;

    LiteralType(String kqlName) {
        this.kqlName = kqlName;
    }

    public String kqlName() {
        return kqlName;
    }
}
