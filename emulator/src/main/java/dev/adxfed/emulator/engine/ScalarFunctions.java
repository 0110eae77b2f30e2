package dev.adxfed.emulator.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The built-in scalar functions the emulator knows, by name. Names are case-sensitive, as in Kusto. */
final class ScalarFunctions {
    private static final Map<String, ScalarFunction> FUNCTIONS = new HashMap<>();

    static {
        ConversionFunctions.register(FUNCTIONS);
        ConditionalFunctions.register(FUNCTIONS);
        DatetimeFunctions.register(FUNCTIONS);
        StringFunctions.register(FUNCTIONS);
        DynamicFunctions.register(FUNCTIONS);
        MathFunctions.register(FUNCTIONS);
        FUNCTIONS.put("hash", Hash::bind);
        Digests.register(FUNCTIONS);
    }

    private ScalarFunctions() {
    }

    static Optional<ScalarFunction> find(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }
}
