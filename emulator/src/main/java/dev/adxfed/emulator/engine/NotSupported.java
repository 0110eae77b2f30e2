package dev.adxfed.emulator.engine;

import dev.adxfed.kql.syntax.TabularOperator;

/**
 * How a valid operator the engine does not run is named in its "not supported" error, so a user can tell
 * "the emulator does not run this" from "this is not KQL": {@code the 'evaluate autocluster' plugin},
 * {@code the 'fork' operator}.
 */
final class NotSupported {
    private NotSupported() {
    }

    static String describe(TabularOperator o) {
        if (o instanceof TabularOperator.Evaluate e) {
            return "the 'evaluate " + e.plugin() + "' plugin (" + e.position() + ")";
        }
        if (o instanceof TabularOperator.Generic g) {
            return "the '" + g.name() + "' operator (" + g.position() + ")";
        }
        return "the operator at " + o.position();
    }
}
