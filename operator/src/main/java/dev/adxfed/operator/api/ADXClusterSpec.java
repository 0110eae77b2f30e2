package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** The desired state of an ADXCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ADXClusterSpec {

    @Required
    @Pattern("^[a-zA-Z0-9-]+$")
    @Size(max = 100)
    @JsonPropertyDescription("Name of the cluster in Azure: letters, digits and dashes, at most 100 characters.")
    public String clusterName;

    @Pattern(Endpoints.PATTERN)
    @JsonPropertyDescription("URL of an existing cluster, e.g. https://mycluster.westeurope.kusto.windows.net."
            + " When set the cluster is bring-your-own and status.endpoint mirrors it.")
    public String endpoint;

    @JsonPropertyDescription("Databases the cluster should hold.")
    public List<DatabaseSpec> databases;

    @JsonPropertyDescription("Azure provisioning details. Provisioning is not supported by this operator yet:"
            + " it is reported in the status and the rest of the resource is still reconciled.")
    public ProvisionSpec provision;

    @JsonPropertyDescription("Partition (the default) heartbeats this cluster's schema to its federated targets;"
            + " Federated keeps entity groups and functions over the partitions that heartbeat into it.")
    public ClusterRole role;

    @JsonPropertyDescription("Heartbeat targets (for a partition) or heartbeat table and federation settings"
            + " (for a federated cluster).")
    public FederationSpec federation;

    @JsonPropertyDescription("Optional CEL expression over the operator's cluster labels (region, environment,"
            + " cloud and every --cluster-labels key), each a string variable; e.g."
            + " \"region in ['eastus','westus'] && environment == 'prod'\". Empty: always reconcile;"
            + " false: skip quietly; an error is shown in the status.")
    public String criteriaExpression;

    public ClusterRole effectiveRole() {
        return role == null ? ClusterRole.Partition : role;
    }
}
