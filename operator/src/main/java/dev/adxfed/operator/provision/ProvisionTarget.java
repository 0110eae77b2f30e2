package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.DatabaseSpec;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.arm.ClusterId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What spec.provision asks for in Azure, with the CRD's defaults filled in: the cluster (where, sku,
 * tier, identities, autoscale) and the databases it must hold (spec.databases, and on a Federated
 * cluster its heartbeat database).
 */
public record ProvisionTarget(ClusterId cluster, String location, String skuName, String tier,
                              List<String> userAssignedIdentities, Autoscale autoscale, List<Database> databases) {

    static final int DEFAULT_RETENTION_DAYS = 30;
    static final int DEFAULT_AUTOSCALE_MIN = 2;
    static final int DEFAULT_AUTOSCALE_MAX = 10;

    /** Optimized autoscale; off means a fixed size. */
    public record Autoscale(boolean enabled, int minimum, int maximum) {}

    public record Database(String name, int retentionInDays) {}

    /**
     * @param heartbeatDatabase the heartbeat database of a Federated cluster, which is made with the others; null for none
     * @throws IllegalArgumentException naming every required field that is missing, or autoscale bounds that cannot be
     */
    public static ProvisionTarget of(ADXClusterSpec spec, String heartbeatDatabase) {
        ProvisionSpec p = spec.provision;
        List<String> missing = new ArrayList<>();
        if (blank(spec.clusterName)) {
            missing.add("spec.clusterName");
        }
        for (Map.Entry<String, String> field : required(p).entrySet()) {
            if (blank(field.getValue())) {
                missing.add(field.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("spec.provision cannot be acted on: missing " + String.join(", ", missing));
        }
        int min = p.autoScaleMin == null ? DEFAULT_AUTOSCALE_MIN : p.autoScaleMin;
        int max = p.autoScaleMax == null ? DEFAULT_AUTOSCALE_MAX : p.autoScaleMax;
        boolean autoscale = Boolean.TRUE.equals(p.autoScale);
        if (autoscale && (min < 2 || max < min)) {
            throw new IllegalArgumentException("spec.provision: autoScaleMin (" + min + ") must be at least 2 and at most"
                    + " autoScaleMax (" + max + ")");
        }
        Map<String, Database> databases = new TreeMap<>();
        if (spec.databases != null) {
            for (DatabaseSpec db : spec.databases) {
                databases.put(db.databaseName, new Database(db.databaseName,
                        db.retentionInDays == null ? DEFAULT_RETENTION_DAYS : db.retentionInDays));
            }
        }
        if (spec.effectiveRole() == ClusterRole.Federated && !blank(heartbeatDatabase)) {
            databases.putIfAbsent(heartbeatDatabase, new Database(heartbeatDatabase, DEFAULT_RETENTION_DAYS));
        }
        List<String> identities = p.userAssignedIdentities == null ? List.of()
                : List.copyOf(new TreeSet<>(p.userAssignedIdentities.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        return new ProvisionTarget(new ClusterId(p.subscriptionId.strip(), p.resourceGroup.strip(), spec.clusterName),
                p.location.strip(), p.skuName.strip(), p.tier.strip(), identities, new Autoscale(autoscale, min, max),
                List.copyOf(databases.values()));
    }

    private static Map<String, String> required(ProvisionSpec p) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("spec.provision.subscriptionId", p.subscriptionId);
        fields.put("spec.provision.resourceGroup", p.resourceGroup);
        fields.put("spec.provision.location", p.location);
        fields.put("spec.provision.skuName", p.skuName);
        fields.put("spec.provision.tier", p.tier);
        return fields;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
