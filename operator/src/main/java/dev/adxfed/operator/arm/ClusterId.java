package dev.adxfed.operator.arm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a Microsoft.Kusto cluster lives in Azure: subscription, resource group and name. */
public record ClusterId(String subscriptionId, String resourceGroup, String name) {

    String subscriptionPath() {
        return "/subscriptions/" + encode(subscriptionId);
    }

    String resourceGroupPath() {
        return subscriptionPath() + "/resourcegroups/" + encode(resourceGroup);
    }

    String path() {
        return subscriptionPath() + "/resourceGroups/" + encode(resourceGroup) + "/providers/Microsoft.Kusto/clusters/"
                + encode(name);
    }

    String databasePath(String database) {
        return path() + "/databases/" + encode(database);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return path();
    }
}
