package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.ScalarType;

import java.util.Comparator;

/** The order of non-null values of one Kusto type, as sort, min, max and the comparison operators use it. */
final class ValueOrder {
    private static final Comparator<Object> NATURAL = ValueOrder::natural;
    private static final Comparator<Object> DYNAMIC = ValueOrder::dynamic;

    private ValueOrder() {
    }

    static Comparator<Object> of(ScalarType type) {
        return type == ScalarType.DYNAMIC ? DYNAMIC : NATURAL;
    }

    /** Nulls first when ascending and last when descending, as Kusto's sort does by default. */
    static Comparator<Object> sorting(ScalarType type, boolean ascending, boolean nullsFirst) {
        Comparator<Object> order = ascending ? of(type) : of(type).reversed();
        return nullsFirst ? Comparator.nullsFirst(order) : Comparator.nullsLast(order);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int natural(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static int dynamic(Object a, Object b) {
        Object x = Conversions.unwrap((JsonNode) a);
        Object y = Conversions.unwrap((JsonNode) b);
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number && y instanceof Number) {
            return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
        }
        if (x.getClass() == y.getClass() && x instanceof Comparable) {
            return natural(x, y);
        }
        return x.toString().compareTo(y.toString());
    }
}
