package dev.adxfed.operator.kusto;

/** Gives the passes a {@link Kusto} for an endpoint and identity; tests give fakes or emulator clusters. */
@FunctionalInterface
public interface KustoConnector {

    /** @param managedIdentityClientId a user-assigned managed identity, or null/empty for the default chain */
    Kusto connect(String endpoint, String managedIdentityClientId);
}
