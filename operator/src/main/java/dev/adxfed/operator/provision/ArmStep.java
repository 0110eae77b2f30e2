package dev.adxfed.operator.provision;

import dev.adxfed.operator.arm.KustoCluster;
import dev.adxfed.operator.arm.KustoDatabase;

import java.util.List;

/** One thing provisioning does in Azure, in the order the plan lists them. */
public sealed interface ArmStep {

    /** A line for {@code adxfed plan} and the logs. */
    String describe();

    record RegisterProvider(String subscriptionId) implements ArmStep {
        public String describe() {
            return "register the Microsoft.Kusto resource provider in subscription " + subscriptionId;
        }
    }

    record CreateResourceGroup(String name, String location) implements ArmStep {
        public String describe() {
            return "create resource group " + name + " in " + location;
        }
    }

    record CreateCluster(String name, KustoCluster body) implements ArmStep {
        public String describe() {
            KustoCluster.OptimizedAutoscale autoscale = body.properties().optimizedAutoscale();
            return "create cluster " + name + " in " + body.location() + ": sku " + body.sku().name() + ", tier "
                    + body.sku().tier() + ", identity " + body.identity().type()
                    + (body.identity().userAssignedIdentities() == null ? "" : " " + body.identity().userAssigned())
                    + ", engine V3, " + (autoscale == null ? "no autoscale"
                    : "optimized autoscale " + autoscale.minimum() + "-" + autoscale.maximum());
        }
    }

    /** One PATCH with every change of the spec since the applied state. */
    record UpdateCluster(String name, KustoCluster changes, List<String> what) implements ArmStep {
        public String describe() {
            return "update cluster " + name + ": " + String.join("; ", what);
        }
    }

    /** Wait until the cluster is Running (databases can only be made then), and take its URI. */
    record AwaitRunning(String name) implements ArmStep {
        public String describe() {
            return "wait for cluster " + name + " to be Running";
        }
    }

    record CreateDatabase(String name, KustoDatabase body) implements ArmStep {
        public String describe() {
            return "create database " + name + " (kind ReadWrite, retention " + body.properties().softDeletePeriod() + ")";
        }
    }
}
