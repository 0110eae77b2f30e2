package dev.adxfed.operator.arm;

/** The answer of a name check: whether the name can be taken, and when not, ARM's reason. */
public record NameAvailability(boolean available, String reason) {}
