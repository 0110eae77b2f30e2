package dev.adxfed.emulator.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * A column's encoding policy profile, as far as it bounds the values stored: ADX keeps a string or dynamic
 * value up to its MaxValueSize (1 MB by default, 2 MB with BigObject, 32 MB with BigObject32) and truncates a
 * longer string or stores null for a longer dynamic value, with no error. The other profiles (Identifier,
 * Vector16, ...) change indexing and compression, which the emulator does not model: they keep the 1 MB bound.
 */
public enum EncodingProfile {
    DEFAULT("Null", 1024 * 1024),
    IDENTIFIER("Identifier", 1024 * 1024),
    BIG_OBJECT("BigObject", 2 * 1024 * 1024),
    BIG_OBJECT_32("BigObject32", 32 * 1024 * 1024),
    BIG_OBJECT_INDEXED_32("BigObjectIndexed32", 32 * 1024 * 1024),
    VECTOR_16("Vector16", 1024 * 1024);

    private final String kustoName;
    private final int maxValueSize;

    EncodingProfile(String kustoName, int maxValueSize) {
        this.kustoName = kustoName;
        this.maxValueSize = maxValueSize;
    }

    /** The name {@code .alter column ... policy encoding type='...'} takes, case-insensitively. */
    public static Optional<EncodingProfile> of(String name) {
        for (EncodingProfile profile : values()) {
            if (profile.kustoName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    public String kustoName() {
        return kustoName;
    }

    /** The most UTF-8 bytes a string or dynamic value of the column keeps. */
    public int maxValueSize() {
        return maxValueSize;
    }

    /** Only string and dynamic columns hold large objects. */
    public boolean appliesTo(ScalarType type) {
        return switch (this) {
            case BIG_OBJECT, BIG_OBJECT_32, BIG_OBJECT_INDEXED_32 -> type == ScalarType.STRING || type == ScalarType.DYNAMIC;
            case VECTOR_16 -> type == ScalarType.DYNAMIC;
            default -> true;
        };
    }
}
