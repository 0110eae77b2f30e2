package dev.adxfed.operator.model;

/**
 * A field of an ADXCluster that cannot be acted on, and why.
 *
 * @param field   the field as kubectl names it, e.g. {@code spec.federation.heartbeatTTL} or
 *                {@code spec.federation.federatedTargets[0].endpoint}
 * @param message what is wrong and what would fix it, without the field's name
 */
public record SpecProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
