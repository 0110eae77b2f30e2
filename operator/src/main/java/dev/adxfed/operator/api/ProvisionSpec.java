package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

import java.util.List;

/** Azure provisioning details, kept for compatibility; this operator reports them as not supported yet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProvisionSpec {

    @JsonPropertyDescription("Azure subscription id.")
    public String subscriptionId;

    @JsonPropertyDescription("Azure resource group.")
    public String resourceGroup;

    @JsonPropertyDescription("Azure region, e.g. eastus2.")
    public String location;

    @JsonPropertyDescription("Azure SKU, e.g. Standard_L8as_v3.")
    public String skuName;

    @JsonPropertyDescription("Azure tier, e.g. Standard.")
    public String tier;

    @JsonPropertyDescription("Resource ids of user-assigned managed identities to attach to the cluster.")
    public List<String> userAssignedIdentities;

    @JsonPropertyDescription("Whether the cluster scales automatically. Default false.")
    public Boolean autoScale;

    @Default("10")
    @JsonPropertyDescription("Largest node count when scaling automatically. Default 10.")
    public Integer autoScaleMax;

    @Default("2")
    @JsonPropertyDescription("Smallest node count when scaling automatically. Default 2.")
    public Integer autoScaleMin;
}
