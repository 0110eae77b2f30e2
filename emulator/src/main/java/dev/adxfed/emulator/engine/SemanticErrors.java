package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;

/** The errors a query can fail with after it parsed, worded and coded as Kusto words them. */
final class SemanticErrors {
    static final String UNRESOLVED = "SEM0100";
    static final String TYPE = "SEM0001";
    static final String UNKNOWN_FUNCTION = "SEM0260";
    static final String REMOTE = "SEM0056";

    private SemanticErrors() {
    }

    static KustoError unresolvedTable(String name) {
        return KustoError.semantic(UNRESOLVED, "Failed to resolve table or column expression named '" + name + "'");
    }

    static KustoError unresolvedColumn(String operator, String name) {
        return KustoError.semantic(UNRESOLVED, "'" + operator + "' operator: Failed to resolve column or scalar expression named '" + name + "'");
    }

    static KustoError unknownFunction(String name) {
        return KustoError.semantic(UNKNOWN_FUNCTION, "Unknown function: '" + name + "'");
    }

    static KustoError type(String message) {
        return KustoError.semantic(TYPE, message);
    }

    static KustoError unsupported(String what) {
        return KustoError.unsupported(what);
    }

    static KustoError remote(String message) {
        return KustoError.semantic(REMOTE, "Errors occurred while resolving remote entities. " + message);
    }
}
