package dev.adxfed.operator.controller;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The operator's own cluster labels (region, environment, cloud, --cluster-labels) that criteriaExpression sees. */
public record ClusterLabels(Map<String, String> values) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ClusterLabels {
        for (String key : values.keySet()) {
            if (!NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("cluster label '" + key + "' is not a CEL variable name"
                        + " (letters, digits and _, not starting with a digit)");
            }
        }
        values = Map.copyOf(new TreeMap<>(values));
    }

    /** {@code k=v,k2=v2} as given on the command line; later keys win. */
    public static ClusterLabels parse(String region, String environment, String cloud, String extra) {
        Map<String, String> values = new TreeMap<>();
        putIfSet(values, "region", region);
        putIfSet(values, "environment", environment);
        putIfSet(values, "cloud", cloud);
        if (extra != null && !extra.isBlank()) {
            for (String pair : extra.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--cluster-labels: '" + pair.strip() + "' is not key=value");
                }
                values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return new ClusterLabels(values);
    }

    private static void putIfSet(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
