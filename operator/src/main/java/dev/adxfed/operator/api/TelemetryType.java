package dev.adxfed.operator.api;

/** The kind of telemetry a database holds. */
public enum TelemetryType {
    Metrics,
    Logs,
    Traces
}
