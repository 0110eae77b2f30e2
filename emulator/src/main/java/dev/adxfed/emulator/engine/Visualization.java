package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code render} asks the client to draw, as ADX reports it: the {@code Visualization} value of the
 * response's {@code @ExtendedProperties} table, with every property Kusto writes (null when not given; list
 * properties such as {@code ycolumns} as comma-separated text). The data itself is unchanged.
 */
final class Visualization {
    /** Kusto's property names by the lower-case name a query writes, in the order ADX writes them. */
    private static final Map<String, String> PROPERTIES = new LinkedHashMap<>();

    static {
        for (String name : List.of("Title", "XColumn", "Series", "YColumns", "AnomalyColumns", "XTitle", "YTitle", "XAxis", "YAxis",
                "Legend", "YSplit", "Accumulate", "IsQuerySorted", "Kind", "Ymin", "Ymax", "Xmin", "Xmax")) {
            PROPERTIES.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    private Visualization() {
    }

    /** @param sorted whether the rendered rows are serialized, which ADX reports as IsQuerySorted */
    static ObjectNode of(TabularOperator.Render o, boolean sorted) {
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("Visualization", o.chart());
        PROPERTIES.values().forEach(v::putNull);
        v.put("Accumulate", false);
        v.put("IsQuerySorted", sorted);
        v.put("Ymin", "NaN");
        v.put("Ymax", "NaN");
        for (Property p : o.properties()) {
            String key = PROPERTIES.get(p.name().toLowerCase(Locale.ROOT));
            if (key == null || key.equals("IsQuerySorted")) {
                throw SemanticErrors.type("'render' operator: unknown property '" + p.name() + "' (" + p.position() + ")");
            }
            Object value = p.value();
            if (value instanceof Boolean b) {
                v.put(key, b);
            } else if (value instanceof Number n && (key.startsWith("Y") || key.startsWith("X"))) {
                v.put(key, n.doubleValue());
            } else if (value instanceof List<?> list) {
                v.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
            } else {
                v.put(key, String.valueOf(value));
            }
        }
        return v;
    }
}
