package dev.adxfed.operator.kusto;

import java.net.URI;

/** How the operator signs in to a cluster. */
public sealed interface KustoIdentity {

    /** Plain http endpoints (emulator, Kustainer) take no token. */
    record None() implements KustoIdentity {}

    /** A user-assigned managed identity, by client id. */
    record ManagedIdentity(String clientId) implements KustoIdentity {}

    /** The default chain: workload identity, environment, system-assigned managed identity, ... */
    record DefaultChain() implements KustoIdentity {}

    static KustoIdentity of(String endpoint, String managedIdentityClientId) {
        if ("http".equalsIgnoreCase(URI.create(endpoint).getScheme())) {
            return new None();
        }
        if (managedIdentityClientId != null && !managedIdentityClientId.isBlank()) {
            return new ManagedIdentity(managedIdentityClientId.strip());
        }
        return new DefaultChain();
    }
}
