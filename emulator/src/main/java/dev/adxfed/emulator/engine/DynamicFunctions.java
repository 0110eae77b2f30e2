package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

import static dev.adxfed.emulator.catalog.ScalarType.DYNAMIC;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/**
 * {@code array_length, array_concat, bag_keys, bag_merge, bag_remove_keys, pack/bag_pack, pack_array}, and the
 * element access {@code x.a, x['a'], x[0]}.
 */
final class DynamicFunctions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DynamicFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("array_length", call -> {
            ScalarExpression.Evaluator d = call.arity(1, 1).arg(0, DYNAMIC).evaluator();
            return call.result(LONG, row -> {
                JsonNode j = (JsonNode) d.evaluate(row);
                return j != null && j.isArray() ? (Object) (long) j.size() : null;
            });
        });
        functions.put("bag_keys", call -> {
            ScalarExpression.Evaluator d = call.arity(1, 1).arg(0, DYNAMIC).evaluator();
            return call.result(DYNAMIC, row -> {
                JsonNode j = (JsonNode) d.evaluate(row);
                if (j == null || !j.isObject()) {
                    return null;
                }
                ArrayNode keys = NODES.arrayNode();
                for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                return keys;
            });
        });
        functions.put("array_concat", DynamicFunctions::arrayConcat);
        functions.put("bag_merge", DynamicFunctions::bagMerge);
        functions.put("bag_remove_keys", DynamicFunctions::bagRemoveKeys);
        functions.put("pack", DynamicFunctions::pack);
        functions.put("bag_pack", DynamicFunctions::pack);
        functions.put("pack_array", call -> {
            ScalarExpression.Evaluator[] items = call.arity(1, Integer.MAX_VALUE).evaluators();
            return call.result(DYNAMIC, row -> {
                ArrayNode a = NODES.arrayNode();
                for (ScalarExpression.Evaluator item : items) {
                    a.add(Conversions.wrap(item.evaluate(row)));
                }
                return a;
            });
        });
    }

    /** The elements of every array in order; null when an argument is not an array. */
    private static ScalarExpression arrayConcat(FunctionCall call) {
        ScalarExpression.Evaluator[] arrays = dynamicArguments(call.arity(1, 64));
        return call.result(DYNAMIC, row -> {
            ArrayNode all = NODES.arrayNode();
            for (ScalarExpression.Evaluator a : arrays) {
                JsonNode j = (JsonNode) a.evaluate(row);
                if (j == null || !j.isArray()) {
                    return null;
                }
                all.addAll((ArrayNode) j);
            }
            return all;
        });
    }

    /** One bag of every key; a key in several bags keeps the value of the leftmost. Arguments that are not bags add nothing. */
    private static ScalarExpression bagMerge(FunctionCall call) {
        ScalarExpression.Evaluator[] bags = dynamicArguments(call.arity(2, 64));
        return call.result(DYNAMIC, row -> {
            ObjectNode merged = NODES.objectNode();
            for (ScalarExpression.Evaluator b : bags) {
                JsonNode j = (JsonNode) b.evaluate(row);
                if (j != null && j.isObject()) {
                    j.fields().forEachRemaining(e -> merged.putIfAbsent(e.getKey(), e.getValue()));
                }
            }
            return merged;
        });
    }

    /** The bag without the keys; a key written as a JSONPath ({@code $.a.b}) names a nested property. */
    private static ScalarExpression bagRemoveKeys(FunctionCall call) {
        call.arity(2, 2);
        ScalarExpression.Evaluator bag = call.arg(0, DYNAMIC).evaluator();
        ScalarExpression.Evaluator keys = call.arg(1, DYNAMIC).evaluator();
        return call.result(DYNAMIC, row -> {
            JsonNode j = (JsonNode) bag.evaluate(row);
            JsonNode k = (JsonNode) keys.evaluate(row);
            if (j == null || !j.isObject()) {
                return null;
            }
            ObjectNode copy = ((ObjectNode) j).deepCopy();
            if (k != null && k.isArray()) {
                for (JsonNode key : k) {
                    if (key.isTextual()) {
                        remove(copy, key.textValue());
                    }
                }
            }
            return copy;
        });
    }

    private static void remove(ObjectNode bag, String key) {
        if (!key.startsWith("$.")) {
            bag.remove(key);
            return;
        }
        String[] path = key.substring(2).split("\\.");
        JsonNode parent = bag;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = parent.get(path[i]);
        }
        if (parent instanceof ObjectNode o) {
            o.remove(path[path.length - 1]);
        }
    }

    private static ScalarExpression.Evaluator[] dynamicArguments(FunctionCall call) {
        for (int i = 0; i < call.count(); i++) {
            call.arg(i, DYNAMIC);
        }
        return call.evaluators();
    }

    private static ScalarExpression pack(FunctionCall call) {
        if (call.count() % 2 != 0) {
            throw SemanticErrors.type("Function '" + call.name() + "' expects key/value pairs, got " + call.count() + " arguments");
        }
        ScalarExpression.Evaluator[] args = call.evaluators();
        for (int i = 0; i < args.length; i += 2) {
            call.arg(i, STRING);
        }
        return call.result(DYNAMIC, row -> {
            ObjectNode bag = NODES.objectNode();
            for (int i = 0; i < args.length; i += 2) {
                bag.set((String) args[i].evaluate(row), Conversions.wrap(args[i + 1].evaluate(row)));
            }
            return bag;
        });
    }

    /** {@code x.name} and {@code x['name']}: a property of a bag; null when absent or not a bag. */
    static ScalarExpression property(ScalarExpression target, String name) {
        ScalarExpression.Evaluator t = dynamicOf(target);
        return ScalarExpression.of(DYNAMIC, row -> {
            JsonNode j = (JsonNode) t.evaluate(row);
            JsonNode v = j == null ? null : j.get(name);
            return v == null || v.isNull() ? null : v;
        }, target);
    }

    /** {@code x[i]}: an array element (negative counts from the end) or, with a string index, a property. */
    static ScalarExpression element(ScalarExpression target, ScalarExpression index) {
        ScalarExpression.Evaluator t = dynamicOf(target);
        ScalarExpression.Evaluator i = index.evaluator();
        return ScalarExpression.of(DYNAMIC, row -> {
            JsonNode j = (JsonNode) t.evaluate(row);
            Object key = i.evaluate(row);
            if (j == null || key == null) {
                return null;
            }
            JsonNode v;
            if (key instanceof String s) {
                v = j.get(s);
            } else {
                Long n = Conversions.toLong(key);
                v = n == null || !j.isArray() ? null : j.get((int) (n < 0 ? j.size() + n : n));
            }
            return v == null || v.isNull() ? null : v;
        }, target, index);
    }

    private static ScalarExpression.Evaluator dynamicOf(ScalarExpression target) {
        if (target.type() != DYNAMIC) {
            throw SemanticErrors.type("Element access needs a dynamic value, got " + target.type().kqlName());
        }
        return target.evaluator();
    }
}
