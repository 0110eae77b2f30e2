package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.AppliedProvisionState;
import dev.adxfed.operator.arm.KustoCluster;
import dev.adxfed.operator.arm.KustoDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What provisioning does in Azure, decided from the target (spec.provision), the state last applied
 * (status.appliedProvisionState) and what ARM showed, with no I/O. A missing cluster is made with its
 * databases; an existing one is used, never made again; only what the spec changed since the applied
 * state is sent, as one update, so changes made directly in Azure stay. With no applied state (a cluster
 * adopted, or sync without Kubernetes) nothing is updated and the spec becomes the applied state.
 *
 * @param blocked why nothing can be done (the cluster name is taken elsewhere); null otherwise
 * @param notes   what was seen and deliberately left alone
 * @param applied the state to record once the steps succeeded
 */
public record ProvisionPlan(List<ArmStep> steps, List<String> notes, AppliedProvisionState applied, String blocked) {

    public static ProvisionPlan of(ProvisionTarget target, AppliedProvisionState before, Observation seen) {
        List<ArmStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String name = target.cluster().name();
        Observation.ClusterSeen cluster = seen.cluster();
        if (cluster instanceof Observation.ClusterSeen.Forbidden forbidden) {
            notes.add("cluster " + name + " may not be read (" + forbidden.message() + "): taken as existing, left as it is");
            return new ProvisionPlan(List.of(), notes, before, null);
        }
        if (cluster instanceof Observation.ClusterSeen.Absent absent) {
            if (!absent.nameAvailable()) {
                return new ProvisionPlan(List.of(), notes, before, "cluster name " + name + " is not available"
                        + (absent.reason() == null ? "" : ": " + absent.reason())
                        + "; choose another spec.clusterName (names are global in Azure)");
            }
            if (Boolean.FALSE.equals(seen.providerRegistered())) {
                steps.add(new ArmStep.RegisterProvider(target.cluster().subscriptionId()));
            }
            if (Boolean.FALSE.equals(seen.resourceGroupExists())) {
                steps.add(new ArmStep.CreateResourceGroup(target.cluster().resourceGroup(), target.location()));
            }
            steps.add(new ArmStep.CreateCluster(name, clusterBody(target)));
            steps.add(new ArmStep.AwaitRunning(name));
            target.databases().forEach(db -> steps.add(createDatabase(target, db)));
            return new ProvisionPlan(steps, notes, applied(target), null);
        }
        KustoCluster existing = ((Observation.ClusterSeen.Present) cluster).cluster();
        AppliedProvisionState after = applied(target);
        if (before == null) {
            notes.add("cluster " + name + " exists and no applied state is recorded: used as it is, the spec's"
                    + " settings recorded as applied");
        } else {
            update(target, before, existing, notes).ifPresent(steps::add);
        }
        if (!KustoCluster.RUNNING.equals(existing.state()) || !steps.isEmpty()) {
            steps.add(new ArmStep.AwaitRunning(name));
        }
        target.databases().stream().filter(db -> !seen.databases().contains(db.name()))
                .forEach(db -> steps.add(createDatabase(target, db)));
        return new ProvisionPlan(steps, notes, after, null);
    }

    /** The state a successful provisioning records: the spec's settings. */
    static AppliedProvisionState applied(ProvisionTarget target) {
        AppliedProvisionState state = new AppliedProvisionState();
        state.skuName = target.skuName();
        state.tier = target.tier();
        state.userAssignedIdentities = target.userAssignedIdentities().isEmpty() ? null : target.userAssignedIdentities();
        state.autoScale = target.autoscale().enabled();
        state.autoScaleMin = target.autoscale().enabled() ? target.autoscale().minimum() : null;
        state.autoScaleMax = target.autoscale().enabled() ? target.autoscale().maximum() : null;
        return state;
    }

    static KustoCluster clusterBody(ProvisionTarget target) {
        // adx-mon's choice: the user-assigned identities when given, else a system-assigned one.
        KustoCluster.Identity identity = KustoCluster.Identity.of(target.userAssignedIdentities().isEmpty(),
                target.userAssignedIdentities());
        return new KustoCluster(null, target.location(), new KustoCluster.Sku(target.skuName(), target.tier(), null), identity,
                new KustoCluster.Properties(null, null, null, "V3", false, autoscale(target.autoscale())));
    }

    private static KustoCluster.OptimizedAutoscale autoscale(ProvisionTarget.Autoscale autoscale) {
        return autoscale.enabled() ? new KustoCluster.OptimizedAutoscale(1, true, autoscale.minimum(), autoscale.maximum()) : null;
    }

    private static ArmStep createDatabase(ProvisionTarget target, ProvisionTarget.Database db) {
        return new ArmStep.CreateDatabase(db.name(), KustoDatabase.readWrite(target.location(), db.retentionInDays()));
    }

    /**
     * One PATCH with each setting the spec changed since {@code before} and that Azure does not have yet;
     * a setting equal to the applied one is left as Azure has it, whatever that is.
     */
    private static Optional<ArmStep> update(ProvisionTarget target, AppliedProvisionState before,
                                                      KustoCluster existing, List<String> notes) {
        List<String> what = new ArrayList<>();
        KustoCluster.Sku sku = null;
        KustoCluster.Identity identity = null;
        KustoCluster.Properties properties = null;
        KustoCluster.Sku actualSku = existing.sku() == null ? new KustoCluster.Sku(null, null, null) : existing.sku();
        boolean skuChangedInSpec = !Objects.equals(target.skuName(), before.skuName) || !Objects.equals(target.tier(), before.tier);
        boolean skuDiffers = !Objects.equals(target.skuName(), actualSku.name()) || !Objects.equals(target.tier(), actualSku.tier());
        if (skuChangedInSpec && skuDiffers) {
            sku = new KustoCluster.Sku(target.skuName(), target.tier(), null);
            what.add("sku " + actualSku.name() + "/" + actualSku.tier() + " -> " + target.skuName() + "/" + target.tier());
        } else if (skuDiffers) {
            notes.add("sku " + actualSku.name() + "/" + actualSku.tier() + " in Azure differs from the spec's " + target.skuName()
                    + "/" + target.tier() + ", which was applied before: a change made in Azure, left as it is");
        }
        Set<String> desired = new TreeSet<>(target.userAssignedIdentities());
        Set<String> appliedIds = before.userAssignedIdentities == null ? Set.of() : new TreeSet<>(before.userAssignedIdentities);
        KustoCluster.Identity actualIdentity = existing.identity() == null ? new KustoCluster.Identity(KustoCluster.Identity.NONE, null)
                : existing.identity();
        Set<String> actualIds = actualIdentity.userAssigned();
        if (!desired.equals(appliedIds)) {
            // Identities someone attached in Azure (never applied by the operator) stay attached.
            Set<String> wanted = new TreeSet<>(actualIds);
            wanted.removeAll(appliedIds);
            wanted.addAll(desired);
            if (!wanted.equals(actualIds)) {
                identity = KustoCluster.Identity.of(actualIdentity.system(), wanted);
                what.add("user-assigned identities " + actualIds + " -> " + wanted);
            }
        }
        ProvisionTarget.Autoscale want = target.autoscale();
        if (before.autoScale != null && !normal(want).equals(normal(appliedAutoscale(before)))) {
            KustoCluster.OptimizedAutoscale actual = existing.properties() == null ? null : existing.properties().optimizedAutoscale();
            KustoCluster.OptimizedAutoscale wanted = want.enabled() ? autoscale(want)
                    : new KustoCluster.OptimizedAutoscale(1, false, actual == null ? want.minimum() : actual.minimum(),
                    actual == null ? want.maximum() : actual.maximum());
            if (!sameAutoscale(actual, want)) {
                properties = new KustoCluster.Properties(null, null, null, null, null, wanted);
                what.add("optimized autoscale " + (want.enabled() ? want.minimum() + "-" + want.maximum() : "off"));
            }
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArmStep.UpdateCluster(target.cluster().name(),
                new KustoCluster(null, null, sku, identity, properties), what));
    }

    private static ProvisionTarget.Autoscale appliedAutoscale(AppliedProvisionState before) {
        boolean on = Boolean.TRUE.equals(before.autoScale);
        return new ProvisionTarget.Autoscale(on, on && before.autoScaleMin != null ? before.autoScaleMin : ProvisionTarget.DEFAULT_AUTOSCALE_MIN,
                on && before.autoScaleMax != null ? before.autoScaleMax : ProvisionTarget.DEFAULT_AUTOSCALE_MAX);
    }

    /** Bounds mean nothing while autoscale is off. */
    private static ProvisionTarget.Autoscale normal(ProvisionTarget.Autoscale autoscale) {
        return autoscale.enabled() ? autoscale : new ProvisionTarget.Autoscale(false, 0, 0);
    }

    private static boolean sameAutoscale(KustoCluster.OptimizedAutoscale actual, ProvisionTarget.Autoscale want) {
        boolean on = actual != null && Boolean.TRUE.equals(actual.isEnabled());
        if (!want.enabled()) {
            return !on;
        }
        return on && Objects.equals(actual.minimum(), want.minimum()) && Objects.equals(actual.maximum(), want.maximum());
    }
}
