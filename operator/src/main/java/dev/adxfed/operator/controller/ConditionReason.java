package dev.adxfed.operator.controller;

/**
 * Reasons of the {@code adxcluster.adx-mon.azure.com} condition. Complete and CriteriaExpressionError are
 * adx-mon's own words; the others name what went wrong here.
 */
enum ConditionReason {
    COMPLETE("Complete"),
    CRITERIA_EXPRESSION_ERROR("CriteriaExpressionError"),
    INVALID_SPEC("InvalidSpec"),
    PROVISIONING_NOT_SUPPORTED("ProvisioningNotSupported"),
    HEARTBEAT_FAILED("HeartbeatFailed"),
    FEDERATION_FAILED("FederationFailed"),
    RECONCILE_FAILED("ReconcileFailed");

    private final String text;

    ConditionReason(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
