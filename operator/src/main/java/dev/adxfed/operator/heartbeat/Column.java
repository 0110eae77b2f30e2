package dev.adxfed.operator.heartbeat;

/** A column of a partition table or view, with its KQL type (string, long, dynamic, ...). */
public record Column(String name, String type) {
}
