package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/**
 * The spec.provision settings last applied to the cluster in Azure, as adx-mon records them (the autoscale
 * fields are adxfed's additions). Only a spec change since this state is sent to Azure, so a change made
 * directly in Azure is not reverted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppliedProvisionState {

    @JsonPropertyDescription("SKU last applied.")
    public String skuName;

    @JsonPropertyDescription("Tier last applied.")
    public String tier;

    @JsonPropertyDescription("User-assigned identities last applied (resource ids).")
    public List<String> userAssignedIdentities;

    @JsonPropertyDescription("Optimized autoscale last applied (new in adxfed).")
    public Boolean autoScale;

    @JsonPropertyDescription("Smallest node count last applied with autoscale (new in adxfed).")
    public Integer autoScaleMin;

    @JsonPropertyDescription("Largest node count last applied with autoscale (new in adxfed).")
    public Integer autoScaleMax;
}
