package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a manifest that Kubernetes' API types lack, which the API server drops with no more than a
 * warning (a misspelt {@code topologySpreadConstraint} would leave the pods unspread): the object is read into
 * fabric8's model of the kind, which keeps what it does not know in {@code additionalProperties}.
 */
final class UnknownFields {

    private UnknownFields() {}

    /** Paths such as {@code spec.template.spec.containers[0].startupprobe}; empty when every field is known. */
    static List<String> of(JsonNode manifest) {
        HasMetadata typed = Serialization.unmarshal(manifest.toString());
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown);
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            String field = path.isEmpty() ? fieldName(getter) : path + "." + fieldName(getter);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path.isEmpty() ? String.valueOf(k) : path + "." + k));
            } else {
                walk(value, field, unknown);
            }
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + ": " + e.getMessage(), e);
        }
    }
}
