package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

import java.util.List;

/**
 * Where and how the cluster is made in Azure (adx-mon's fields). The operator makes what is missing through
 * Azure Resource Manager and never deletes anything there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProvisionSpec {

    @JsonPropertyDescription("Azure subscription id. Required with provision.")
    public String subscriptionId;

    @JsonPropertyDescription("Azure resource group, made when missing. Required with provision.")
    public String resourceGroup;

    @JsonPropertyDescription("Azure region, e.g. eastus2. Required with provision.")
    public String location;

    @JsonPropertyDescription("Azure SKU, e.g. Standard_L8as_v3. Required with provision; a change is applied to the"
            + " cluster.")
    public String skuName;

    @JsonPropertyDescription("Azure tier, Standard or Basic. Required with provision; a change is applied to the cluster.")
    public String tier;

    @JsonPropertyDescription("Resource ids of user-assigned managed identities to attach to the cluster; empty: a"
            + " system-assigned identity. Identities attached in Azure by others are kept.")
    public List<String> userAssignedIdentities;

    @JsonPropertyDescription("Whether the cluster scales automatically (optimized autoscale). Default false.")
    public Boolean autoScale;

    @Default("10")
    @JsonPropertyDescription("Largest node count when scaling automatically. Default 10.")
    public Integer autoScaleMax;

    @Default("2")
    @JsonPropertyDescription("Smallest node count when scaling automatically. Default 2.")
    public Integer autoScaleMin;
}
