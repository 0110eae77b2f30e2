package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.Map;

/** {@code tostring, toint, tolong, toreal, todecimal, tobool, toguid, todatetime, totimespan, todynamic} and aliases. */
final class ConversionFunctions {
    private ConversionFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        to(functions, ScalarType.STRING, "tostring");
        to(functions, ScalarType.INT, "toint");
        to(functions, ScalarType.LONG, "tolong");
        to(functions, ScalarType.REAL, "toreal", "todouble");
        to(functions, ScalarType.DECIMAL, "todecimal");
        to(functions, ScalarType.BOOL, "tobool", "toboolean");
        to(functions, ScalarType.GUID, "toguid");
        to(functions, ScalarType.DATETIME, "todatetime");
        to(functions, ScalarType.TIMESPAN, "totimespan", "totime");
        to(functions, ScalarType.DYNAMIC, "todynamic", "toobject", "parse_json");
    }

    private static void to(Map<String, ScalarFunction> functions, ScalarType type, String... names) {
        for (String name : names) {
            functions.put(name, call -> {
                ScalarExpression arg = call.arity(1, 1).arg(0);
                if (arg.type() == type) {
                    return arg;
                }
                ScalarExpression.Evaluator ev = arg.evaluator();
                return call.result(type, row -> Conversions.to(type, ev.evaluate(row)));
            });
        }
    }
}
