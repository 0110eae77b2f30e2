package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.AppliedProvisionState;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.DatabaseSpec;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.api.TelemetryType;
import dev.adxfed.operator.arm.KustoCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decisions of provisioning, from spec, applied state and what ARM showed, without a server. */
class ProvisionPlanTest {

    static final String MI = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";

    static ADXClusterSpec spec() {
        ADXClusterSpec spec = new ADXClusterSpec();
        spec.clusterName = "hub";
        spec.role = ClusterRole.Federated;
        DatabaseSpec metrics = new DatabaseSpec();
        metrics.databaseName = "Metrics";
        metrics.retentionInDays = 90;
        metrics.telemetryType = TelemetryType.Metrics;
        spec.databases = List.of(metrics);
        spec.provision = new ProvisionSpec();
        spec.provision.subscriptionId = "sub";
        spec.provision.resourceGroup = "rg";
        spec.provision.location = "westus";
        spec.provision.skuName = "Standard_E2ads_v5";
        spec.provision.tier = "Standard";
        return spec;
    }

    static ProvisionTarget target(ADXClusterSpec spec) {
        return ProvisionTarget.of(spec, "FederationHeartbeats");
    }

    static KustoCluster running(String sku, KustoCluster.Identity identity, KustoCluster.OptimizedAutoscale autoscale) {
        return new KustoCluster("hub", "westus", new KustoCluster.Sku(sku, "Standard", 2), identity,
                new KustoCluster.Properties("Running", "Succeeded", "https://hub.westus.kusto.windows.net", "V3", false, autoscale));
    }

    static Observation present(KustoCluster cluster, String... databases) {
        return new Observation(true, true, new Observation.ClusterSeen.Present(cluster), Set.of(databases));
    }

    static AppliedProvisionState applied(String sku, List<String> identities, Boolean autoScale) {
        AppliedProvisionState state = new AppliedProvisionState();
        state.skuName = sku;
        state.tier = "Standard";
        state.userAssignedIdentities = identities;
        state.autoScale = autoScale;
        return state;
    }

    static List<String> described(ProvisionPlan plan) {
        return plan.steps().stream().map(ArmStep::describe).toList();
    }

    @Test
    void everyMissingRequiredFieldIsNamedInOneMessage() {
        ADXClusterSpec spec = spec();
        spec.provision = new ProvisionSpec();
        spec.provision.resourceGroup = "rg";
        spec.provision.skuName = " ";

        assertThatThrownBy(() -> target(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.provision cannot be acted on: missing spec.provision.subscriptionId,"
                        + " spec.provision.location, spec.provision.skuName, spec.provision.tier");
    }

    @Test
    void autoscaleBoundsThatCannotBeAreRefused() {
        ADXClusterSpec spec = spec();
        spec.provision.autoScale = true;
        spec.provision.autoScaleMin = 6;
        spec.provision.autoScaleMax = 4;
        assertThatThrownBy(() -> target(spec)).hasMessageContaining("autoScaleMin (6)").hasMessageContaining("autoScaleMax (4)");
    }

    @Test
    void fromNothingEverythingIsMadeInOrderWithTheHeartbeatDatabase() {
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), null,
                new Observation(false, false, new Observation.ClusterSeen.Absent(true, null), Set.of()));

        assertThat(described(plan)).containsExactly(
                "register the Microsoft.Kusto resource provider in subscription sub",
                "create resource group rg in westus",
                "create cluster hub in westus: sku Standard_E2ads_v5, tier Standard, identity SystemAssigned, engine V3,"
                        + " no autoscale",
                "wait for cluster hub to be Running",
                "create database FederationHeartbeats (kind ReadWrite, retention P30D)",
                "create database Metrics (kind ReadWrite, retention P90D)");
        KustoCluster body = ((ArmStep.CreateCluster) plan.steps().get(2)).body();
        assertThat(body.properties().enableAutoStop()).isFalse();
        assertThat(plan.applied().skuName).isEqualTo("Standard_E2ads_v5");
        assertThat(plan.applied().autoScale).isFalse();
    }

    @Test
    void userAssignedIdentitiesAndAutoscaleGoIntoTheNewCluster() {
        ADXClusterSpec spec = spec();
        spec.provision.userAssignedIdentities = List.of(MI + "b", MI + "a");
        spec.provision.autoScale = true;
        spec.provision.autoScaleMax = 6;
        ProvisionPlan plan = ProvisionPlan.of(target(spec), null,
                new Observation(true, true, new Observation.ClusterSeen.Absent(true, null), Set.of()));

        KustoCluster body = ((ArmStep.CreateCluster) plan.steps().get(0)).body();
        assertThat(body.identity().type()).isEqualTo("UserAssigned");
        assertThat(body.identity().userAssigned()).containsExactly(MI + "a", MI + "b");
        assertThat(body.properties().optimizedAutoscale()).isEqualTo(new KustoCluster.OptimizedAutoscale(1, true, 2, 6));
        assertThat(plan.applied().userAssignedIdentities).containsExactly(MI + "a", MI + "b");
        assertThat(plan.applied().autoScaleMax).isEqualTo(6);
    }

    @Test
    void aNameSomeoneElseHasBlocksWithTheReason() {
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), null,
                new Observation(true, true, new Observation.ClusterSeen.Absent(false, "Name 'hub' is already taken"), Set.of()));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blocked()).contains("cluster name hub is not available: Name 'hub' is already taken")
                .contains("spec.clusterName");
    }

    @Test
    void aClusterThatMayNotBeReadIsTakenAsExistingAndLeftAlone() {
        AppliedProvisionState before = applied("Standard_E2ads_v5", null, false);
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), before,
                new Observation(null, null, new Observation.ClusterSeen.Forbidden("AuthorizationFailed"), Set.of()));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.applied()).isSameAs(before);
    }

    @Test
    void anAdoptedClusterIsUsedAsItIsAndGetsItsMissingDatabases() {
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), null,
                present(running("Standard_L8as_v3", null, null), "FederationHeartbeats"));

        assertThat(described(plan)).containsExactly("create database Metrics (kind ReadWrite, retention P90D)");
        assertThat(plan.notes()).anyMatch(n -> n.contains("no applied state is recorded"));
        assertThat(plan.applied().skuName).isEqualTo("Standard_E2ads_v5");
    }

    @Test
    void aClusterStillBeingMadeIsAwaitedNotMadeAgain() {
        KustoCluster creating = new KustoCluster("hub", "westus", new KustoCluster.Sku("Standard_E2ads_v5", "Standard", null),
                null, new KustoCluster.Properties("Creating", "Creating", null, "V3", false, null));
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), applied("Standard_E2ads_v5", null, false),
                new Observation(true, true, new Observation.ClusterSeen.Present(creating), Set.of()));
        assertThat(described(plan)).containsExactly("wait for cluster hub to be Running",
                "create database FederationHeartbeats (kind ReadWrite, retention P30D)",
                "create database Metrics (kind ReadWrite, retention P90D)");
    }

    @Test
    void specChangesSinceTheAppliedStateAreOneUpdateKeepingIdentitiesAttachedInAzure() {
        ADXClusterSpec spec = spec();
        spec.provision.skuName = "Standard_E4ads_v5";
        spec.provision.userAssignedIdentities = List.of(MI + "new");
        spec.provision.autoScale = true;
        spec.provision.autoScaleMin = 3;
        spec.provision.autoScaleMax = 5;
        KustoCluster.Identity inAzure = new KustoCluster.Identity("SystemAssigned, UserAssigned",
                Map.of(MI + "old", Map.of(), MI + "portal", Map.of()));
        ProvisionPlan plan = ProvisionPlan.of(target(spec), applied("Standard_E2ads_v5", List.of(MI + "old"), false),
                present(running("Standard_E2ads_v5", inAzure, null), "Metrics", "FederationHeartbeats"));

        assertThat(plan.steps()).hasSize(2);
        ArmStep.UpdateCluster update = (ArmStep.UpdateCluster) plan.steps().get(0);
        assertThat(update.changes().sku()).isEqualTo(new KustoCluster.Sku("Standard_E4ads_v5", "Standard", null));
        assertThat(update.changes().identity().type()).isEqualTo("SystemAssigned, UserAssigned");
        assertThat(update.changes().identity().userAssigned()).containsExactly(MI + "new", MI + "portal");
        assertThat(update.changes().properties().optimizedAutoscale()).isEqualTo(new KustoCluster.OptimizedAutoscale(1, true, 3, 5));
        assertThat(update.changes().location()).as("only what changes is sent").isNull();
        assertThat(plan.steps().get(1)).isEqualTo(new ArmStep.AwaitRunning("hub"));
        assertThat(plan.applied().skuName).isEqualTo("Standard_E4ads_v5");
    }

    @Test
    void changesMadeDirectlyInAzureAreNotReverted() {
        KustoCluster scaledInPortal = running("Standard_E16ads_v5", null,
                new KustoCluster.OptimizedAutoscale(1, true, 2, 20));
        ProvisionPlan plan = ProvisionPlan.of(target(spec()), applied("Standard_E2ads_v5", null, false),
                present(scaledInPortal, "Metrics", "FederationHeartbeats"));

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.notes()).anyMatch(n -> n.contains("Standard_E16ads_v5") && n.contains("left as it is"));
    }

    @Test
    void anAppliedStateWrittenByAdxMonHasNoAutoscaleAndSoNoAutoscaleChange() {
        ADXClusterSpec spec = spec();
        spec.provision.autoScale = true;
        ProvisionPlan plan = ProvisionPlan.of(target(spec), applied("Standard_E2ads_v5", null, null),
                present(running("Standard_E2ads_v5", null, null), "Metrics", "FederationHeartbeats"));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.applied().autoScale).isTrue();
    }

    @Test
    void aSpecThatCatchesUpWithAzureSendsNothing() {
        ADXClusterSpec spec = spec();
        spec.provision.skuName = "Standard_E16ads_v5";
        ProvisionPlan plan = ProvisionPlan.of(target(spec), applied("Standard_E2ads_v5", null, false),
                present(running("Standard_E16ads_v5", null, null), "Metrics", "FederationHeartbeats"));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.applied().skuName).isEqualTo("Standard_E16ads_v5");
    }
}
