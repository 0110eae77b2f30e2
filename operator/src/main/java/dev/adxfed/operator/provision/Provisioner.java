package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.AppliedProvisionState;
import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmException;
import dev.adxfed.operator.arm.ClusterId;
import dev.adxfed.operator.arm.KustoCluster;
import dev.adxfed.operator.arm.NameAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Provisioning as steps: observe what Azure has, decide ({@link ProvisionPlan}, pure), then do the steps
 * in order, following each long-running operation for as long as the caller can wait. What is not
 * finished then is looked at again on the next pass: a cluster being made is found, not made again.
 * Nothing is ever deleted in Azure.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final String REGISTERED = "Registered";
    private static final String MISSING_REGISTRATION = "MissingSubscriptionRegistration";

    private final ArmClient arm;

    public Provisioner(ArmClient arm) {
        this.arm = arm;
    }

    /** What ARM shows of the target; a 403 on the cluster counts as "it exists". */
    public Observation observe(ProvisionTarget target) {
        ClusterId id = target.cluster();
        Observation.ClusterSeen cluster;
        Boolean provider = null;
        try {
            Optional<KustoCluster> found = arm.cluster(id);
            cluster = found.<Observation.ClusterSeen>map(Observation.ClusterSeen.Present::new).orElse(null);
        } catch (ArmException e) {
            if (e.forbidden()) {
                return new Observation(null, null, new Observation.ClusterSeen.Forbidden(e.getMessage()), Set.of());
            }
            if (!MISSING_REGISTRATION.equals(e.code())) {
                throw e;
            }
            cluster = null;
            provider = false;
        }
        if (cluster == null) {
            if (provider == null) {
                provider = readable(() -> REGISTERED.equals(arm.providerRegistrationState(id.subscriptionId())));
            }
            Boolean group = readable(() -> arm.resourceGroupExists(id));
            NameAvailability name = Boolean.FALSE.equals(provider) ? new NameAvailability(true, null)
                    : Optional.ofNullable(readable(() -> arm.checkClusterName(id, target.location())))
                    .orElse(new NameAvailability(true, null));
            return new Observation(provider, group, new Observation.ClusterSeen.Absent(name.available(), name.reason()), Set.of());
        }
        KustoCluster present = ((Observation.ClusterSeen.Present) cluster).cluster();
        Set<String> databases = KustoCluster.RUNNING.equals(present.state())
                ? new TreeSet<>(arm.databases(id)) : Set.of();
        return new Observation(true, true, cluster, databases);
    }

    /**
     * Observes, plans and acts.
     *
     * @param before        status.appliedProvisionState (null when none is recorded)
     * @param knownEndpoint the endpoint to go on with when the cluster may not be read (status or spec), or null
     * @param budget        how long to follow long-running operations before reporting them in progress
     * @param progress      told each step and each poll, for a terminal or the log
     */
    public ProvisionResult run(ProvisionTarget target, AppliedProvisionState before, String knownEndpoint, Duration budget,
                               Consumer<String> progress) {
        Instant deadline = Instant.now().plus(budget);
        List<String> done = new ArrayList<>();
        String name = target.cluster().name();
        String endpoint = knownEndpoint;
        AppliedProvisionState applied = before;
        try {
            Observation seen = observe(target);
            if (seen.cluster() instanceof Observation.ClusterSeen.Forbidden forbidden) {
                return restricted(endpoint, "reading cluster " + name + ": " + forbidden.message(), before, done);
            }
            if (seen.cluster() instanceof Observation.ClusterSeen.Present present && present.cluster().uri() != null) {
                endpoint = present.cluster().uri();
            }
            ProvisionPlan plan = ProvisionPlan.of(target, before, seen);
            plan.notes().forEach(note -> LOG.info("cluster {}: {}", name, note));
            if (plan.blocked() != null) {
                return new ProvisionResult.Failed(plan.blocked(), before, done);
            }
            for (ArmStep step : plan.steps()) {
                progress.accept(step.describe());
                Optional<ProvisionResult> stop = Optional.empty();
                if (step instanceof ArmStep.RegisterProvider register) {
                    arm.registerProvider(register.subscriptionId());
                    stop = until(deadline, () -> REGISTERED.equals(arm.providerRegistrationState(register.subscriptionId())),
                            new ProvisionResult.InProgress(true, "registering the Microsoft.Kusto resource provider in"
                                    + " subscription " + register.subscriptionId(), applied, done));
                } else if (step instanceof ArmStep.CreateResourceGroup group) {
                    arm.createResourceGroup(target.cluster(), group.location());
                } else if (step instanceof ArmStep.CreateCluster create) {
                    boolean finished = arm.createCluster(target.cluster(), create.body()).follow(left(deadline), progress);
                    applied = plan.applied();
                    if (!finished) {
                        stop = Optional.of(new ProvisionResult.InProgress(true, "creating cluster " + name + " in Azure"
                                + " (this takes about ten minutes)", applied, done));
                    }
                } else if (step instanceof ArmStep.UpdateCluster update) {
                    boolean finished = arm.updateCluster(target.cluster(), update.changes()).follow(left(deadline), progress);
                    applied = plan.applied();
                    if (!finished) {
                        stop = Optional.of(new ProvisionResult.InProgress(false, "waiting for Azure to update cluster "
                                + name + " (" + String.join("; ", update.what()) + ")", applied, done));
                    }
                } else if (step instanceof ArmStep.AwaitRunning) {
                    KustoCluster running = awaitRunning(target.cluster(), deadline, progress);
                    if (running == null || !KustoCluster.RUNNING.equals(running.state())) {
                        String state = running == null ? "not found" : running.state();
                        if ("Failed".equals(state)) {
                            return new ProvisionResult.Failed("cluster " + name + " is in state Failed in Azure", applied, done);
                        }
                        stop = Optional.of(new ProvisionResult.InProgress(false, "waiting for Azure: cluster " + name
                                + " is " + state, applied, done));
                    } else {
                        endpoint = running.uri();
                    }
                } else if (step instanceof ArmStep.CreateDatabase database) {
                    boolean finished = arm.createDatabase(target.cluster(), database.name(), database.body())
                            .follow(left(deadline), progress);
                    if (!finished) {
                        stop = Optional.of(new ProvisionResult.InProgress(true, "creating database " + database.name()
                                + " of cluster " + name + " in Azure", plan.applied(), done));
                    }
                }
                if (stop.isPresent()) {
                    return stop.get();
                }
                done.add(step.describe());
            }
            return new ProvisionResult.Ready(endpoint, plan.applied(), done);
        } catch (ArmException e) {
            if (e.forbidden()) {
                return restricted(endpoint, e.getMessage(), applied, done);
            }
            return new ProvisionResult.Failed("Azure Resource Manager: " + e.getMessage(), applied, done);
        }
    }

    private static ProvisionResult restricted(String endpoint, String message, AppliedProvisionState applied, List<String> done) {
        return new ProvisionResult.Restricted(endpoint, "Azure Resource Manager refused (" + message + "): cluster"
                + " management is restricted to what this identity may do", applied, done);
    }

    /** Polls the cluster until it is Running (or Failed) or the time is spent; the last state seen. */
    private KustoCluster awaitRunning(ClusterId id, Instant deadline, Consumer<String> progress) {
        KustoCluster cluster = arm.cluster(id).orElse(null);
        while (cluster != null && !KustoCluster.RUNNING.equals(cluster.state()) && !"Failed".equals(cluster.state())
                && Instant.now().isBefore(deadline)) {
            progress.accept("cluster " + id.name() + " is " + cluster.state());
            sleep(deadline);
            cluster = arm.cluster(id).orElse(null);
        }
        return cluster;
    }

    private Optional<ProvisionResult> until(Instant deadline, Supplier<Boolean> condition, ProvisionResult otherwise) {
        while (!condition.get()) {
            if (!Instant.now().isBefore(deadline)) {
                return Optional.of(otherwise);
            }
            sleep(deadline);
        }
        return Optional.empty();
    }

    private void sleep(Instant deadline) {
        Duration left = left(deadline);
        Duration wait = arm.pollInterval().compareTo(left) < 0 ? arm.pollInterval() : left;
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Azure", e);
        }
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A read that a least-privilege role may not be allowed: null when refused, and the step it informs is not taken. */
    private static <T> T readable(Supplier<T> read) {
        try {
            return read.get();
        } catch (ArmException e) {
            if (e.forbidden()) {
                return null;
            }
            throw e;
        }
    }
}
