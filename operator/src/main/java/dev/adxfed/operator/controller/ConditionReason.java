package dev.adxfed.operator.controller;

/**
 * Reasons of the {@code adxcluster.adx-mon.azure.com} condition. Complete and CriteriaExpressionError are
 * adx-mon's own words; the others name what went wrong here. Each reason also names the result the
 * reconcile is counted under and whether the pass is retried soon (with backoff) rather than after
 * the full interval: only failures a retry can cure are, and provisioning that Azure is still doing.
 */
enum ConditionReason {
    COMPLETE("Complete", "complete", false, true),
    CRITERIA_EXPRESSION_ERROR("CriteriaExpressionError", "criteriaError", false, false),
    INVALID_SPEC("InvalidSpec", "invalid", false, false),
    /** adx-mon's words: the operator is making the cluster or its databases in Azure. */
    CREATING("Creating", "provisioning", true, false),
    /** adx-mon's words: Azure is finishing what was asked (a cluster being created or updated). */
    WAITING("Waiting", "provisioning", true, false),
    PROVISIONING_FAILED("ProvisioningFailed", "failed", true, false),
    /** adx-mon's words: ARM answered 403, and federation goes on with what exists. */
    PERMISSION_RESTRICTED("PermissionRestricted", "permissionRestricted", false, true),
    HEARTBEAT_FAILED("HeartbeatFailed", "failed", true, false),
    /** Every target lacks its heartbeat table: the hubs' first passes make them, so it is retried soon. */
    HUB_NOT_SET_UP("HubNotSetUp", "notSetUp", true, false),
    FEDERATION_FAILED("FederationFailed", "failed", true, false),
    RECONCILE_FAILED("ReconcileFailed", "failed", true, false),
    NO_LIVE_PARTITIONS("NoLivePartitions", "noLivePartitions", false, false),
    HUB_DATABASE_MISSING("HubDatabaseMissing", "hubDatabaseMissing", false, false),
    /** The guard worked as meant: everything else went through, so the sync counts as successful. */
    DEPARTURES_HELD("DeparturesHeld", "departuresHeld", false, true);

    private final String text;
    private final String result;
    private final boolean retrySoon;
    private final boolean advancesSync;

    ConditionReason(String text, String result, boolean retrySoon, boolean advancesSync) {
        this.text = text;
        this.result = result;
        this.retrySoon = retrySoon;
        this.advancesSync = advancesSync;
    }

    String text() {
        return text;
    }

    /** The {@code result} label of {@code adxfed_reconciles_total}. */
    String result() {
        return result;
    }

    boolean retrySoon() {
        return retrySoon;
    }

    /** The condition's status: True when the cluster is in use as asked, Unknown while Azure is at work. */
    String conditionStatus() {
        return this == COMPLETE || this == PERMISSION_RESTRICTED ? "True" : this == CREATING || this == WAITING ? "Unknown" : "False";
    }

    /** Whether a federation pass ending with this reason moves lastSuccessfulSyncTime. */
    boolean advancesSync() {
        return advancesSync;
    }
}
