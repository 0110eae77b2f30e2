package dev.adxfed.emulator.commands;

/** How databases come to be on a virtual cluster, which decides whether Kusto commands may make them. */
public enum DatabaseMaking {
    /** {@code .create database} and {@code .drop database} run, as on Kustainer and free clusters. */
    KUSTO_COMMANDS,
    /**
     * A regular ADX cluster: databases are made and deleted through Azure Resource Manager, and both commands are
     * refused as ADX refuses them.
     */
    AZURE_RESOURCE_MANAGER
}
