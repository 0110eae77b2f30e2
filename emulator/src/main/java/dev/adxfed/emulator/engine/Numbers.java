package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

/** How Kusto's numeric types widen when they meet: int, then long, then real, then decimal. */
final class Numbers {
    private Numbers() {
    }

    static boolean isNumeric(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.REAL || t == ScalarType.DECIMAL;
    }

    static ScalarType widest(ScalarType a, ScalarType b) {
        return rank(a) >= rank(b) ? a : b;
    }

    /** The type of {@code a op b}: the widest, where int arithmetic already gives long. */
    static ScalarType arithmetic(ScalarType a, ScalarType b) {
        ScalarType w = widest(a, b);
        return w == ScalarType.INT ? ScalarType.LONG : w;
    }

    private static int rank(ScalarType t) {
        return switch (t) {
            case INT -> 0;
            case LONG -> 1;
            case REAL -> 2;
            case DECIMAL -> 3;
            default -> throw new IllegalArgumentException("not numeric: " + t);
        };
    }
}
