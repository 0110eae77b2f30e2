package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ADXClusterStatus {

    /** adx-mon's condition type, kept so tooling that reads it keeps working. */
    public static final String CONDITION_TYPE = "adxcluster.adx-mon.azure.com";

    @JsonPropertyDescription("Conditions; the operator keeps one of type adxcluster.adx-mon.azure.com.")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The Kusto endpoint in use: the provisioned cluster's URI, or spec.endpoint for a"
            + " bring-your-own cluster.")
    public String endpoint;

    @JsonPropertyDescription("The spec.provision settings last applied in Azure; only spec changes since these are"
            + " sent, so changes made directly in Azure are not reverted.")
    public AppliedProvisionState appliedProvisionState;

    @JsonPropertyDescription("The ClientRequestId of the last Kusto call that failed (adxfed;<stage>;<uuid>), kept until"
            + " another fails; find the call on the cluster with .show commands-and-queries or .show queries"
            + " | where ClientActivityId == '<id>'.")
    public String lastFailureClientRequestId;

    @JsonPropertyDescription("Partition role: the outcome of the last heartbeat pass.")
    public HeartbeatStatus heartbeat;

    @JsonPropertyDescription("Federated role: the outcome of the last federation pass.")
    public FederationStatus federation;
}
