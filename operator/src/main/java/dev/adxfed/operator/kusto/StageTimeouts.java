package dev.adxfed.operator.kusto;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How long each stage may take; one hung call must not stall a whole reconcile. */
public record StageTimeouts(Duration standard, Map<Stage, Duration> overrides) {

    public StageTimeouts {
        overrides = overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides);
    }

    /** 30 s per call; scripts and database creation may take longer on a busy cluster. */
    public static StageTimeouts defaults() {
        return new StageTimeouts(Duration.ofSeconds(30),
                Map.of(Stage.SCRIPT_EXECUTE, Duration.ofMinutes(2), Stage.DATABASE_CREATE, Duration.ofMinutes(2)));
    }

    public static StageTimeouts all(Duration timeout) {
        return new StageTimeouts(timeout, Map.of());
    }

    public Duration of(Stage stage) {
        return overrides.getOrDefault(stage, standard);
    }
}
