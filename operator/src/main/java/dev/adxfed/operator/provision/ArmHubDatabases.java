package dev.adxfed.operator.provision;

import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmException;
import dev.adxfed.operator.arm.KustoDatabase;
import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.HubDatabases;
import dev.adxfed.operator.kusto.Kusto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * A provisioned hub's databases, made through Azure Resource Manager in the federation pass that finds
 * a partition database missing, before its entity groups and functions.
 */
public final class ArmHubDatabases implements HubDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(ArmHubDatabases.class);

    private final ArmClient arm;
    private final ProvisionTarget hub;
    private final Duration budget;

    /** @param budget how long to follow each database's creation before leaving it to the next pass */
    public ArmHubDatabases(ArmClient arm, ProvisionTarget hub, Duration budget) {
        this.arm = arm;
        this.hub = hub;
        this.budget = budget;
    }

    @Override
    public Optional<Command> create(Kusto kusto, String database) {
        int retention = hub.databases().stream().filter(db -> db.name().equals(database))
                .mapToInt(ProvisionTarget.Database::retentionInDays).findFirst().orElse(ProvisionTarget.DEFAULT_RETENTION_DAYS);
        try {
            boolean made = arm.createDatabase(hub.cluster(), database, KustoDatabase.readWrite(hub.location(), retention))
                    .follow(budget, step -> LOG.debug("hub {}: {}", hub.cluster().name(), step));
            if (!made) {
                throw new Refused("database " + database + " is still being made in Azure; its entity groups and"
                        + " functions follow on a later pass");
            }
            LOG.info("hub {}: created database {} through Azure Resource Manager", hub.cluster().name(), database);
            return Optional.empty();
        } catch (ArmException e) {
            throw new Refused("Azure Resource Manager did not create hub database " + database + ": " + e.getMessage()
                    + (e.forbidden() ? " (the operator's identity needs Microsoft.Kusto/clusters/databases/write on"
                    + " cluster " + hub.cluster().name() + ")" : ""));
        }
    }
}
