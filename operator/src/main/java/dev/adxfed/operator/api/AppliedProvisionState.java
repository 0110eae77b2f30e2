package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The Azure provisioning state last applied, as adx-mon records it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppliedProvisionState {
    public String skuName;
    public String tier;
    public List<String> userAssignedIdentities;
}
