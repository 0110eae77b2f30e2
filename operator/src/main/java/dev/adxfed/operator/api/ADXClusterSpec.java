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
            + " When set without provision the cluster is bring-your-own and status.endpoint mirrors it; with provision"
            + " it is used while Azure Resource Manager refuses to show the cluster.")
    public String endpoint;

    @JsonPropertyDescription("Databases the cluster should hold; with provision they are made in Azure (with their"
            + " retention) when missing.")
    public List<DatabaseSpec> databases;

    @JsonPropertyDescription("Azure provisioning: the operator registers the Microsoft.Kusto provider, makes the"
            + " resource group, the cluster (clusterName) and its databases through Azure Resource Manager when missing,"
            + " uses an existing cluster as it is, applies later spec changes of sku, tier, autoscale and identities as"
            + " one update, and never deletes anything in Azure. status.endpoint becomes the cluster's URI.")
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
