package dev.adxfed.operator.kusto;

import java.net.URI;
import java.util.Map;

/** How the operator signs in to a cluster. */
public sealed interface KustoIdentity {

    /** Plain http endpoints (emulator, Kustainer) take no token. */
    record None() implements KustoIdentity {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        public String signsInWith() {
            return "no sign-in (plain http)";
        }
    }

    /**
     * Azure workload identity: the pod's service-account token exchanged for an Entra token. When the webhook
     * injected it (AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID, AZURE_TENANT_ID), it is the only credential
     * used: falling through to the node's managed identity would sign in as whatever the node may do.
     *
     * @param clientId the resource's managedIdentityClientId when it names one, else AZURE_CLIENT_ID
     */
    record WorkloadIdentity(String clientId, String tenantId, String tokenFile, String authorityHost)
            implements KustoIdentity {
        @Override
        public String kind() {
            return "workload";
        }

        @Override
        public String signsInWith() {
            return "workload identity " + clientId + " (the pod's service-account token in " + tokenFile
                    + "): the identity needs a federated credential for this service account and a role on the cluster";
        }
    }

    /** A user-assigned managed identity, by client id, from the node's identity endpoint. */
    record ManagedIdentity(String clientId) implements KustoIdentity {
        @Override
        public String kind() {
            return "managed";
        }

        @Override
        public String signsInWith() {
            return "managed identity " + clientId + ": it signs in only on an Azure VM or AKS node that has this identity"
                    + " assigned (elsewhere leave managedIdentityClientId empty and sign in with az login)";
        }
    }

    /** The default chain (environment, managed identity, Azure CLI, ...) where no workload identity is set up. */
    record DefaultChain() implements KustoIdentity {
        @Override
        public String kind() {
            return "default";
        }

        @Override
        public String signsInWith() {
            return "the default Azure credential: run az login on a workstation, or set AZURE_TENANT_ID, AZURE_CLIENT_ID"
                    + " and AZURE_CLIENT_SECRET; in Kubernetes give the operator a workload identity";
        }
    }

    static KustoIdentity of(String endpoint, String managedIdentityClientId, Map<String, String> environment) {
        if ("http".equalsIgnoreCase(URI.create(endpoint).getScheme())) {
            return new None();
        }
        String clientId = managedIdentityClientId == null || managedIdentityClientId.isBlank() ? null
                : managedIdentityClientId.strip();
        String tokenFile = environment.get("AZURE_FEDERATED_TOKEN_FILE");
        if (tokenFile != null && !tokenFile.isBlank()) {
            return new WorkloadIdentity(clientId != null ? clientId : environment.get("AZURE_CLIENT_ID"),
                    environment.get("AZURE_TENANT_ID"), tokenFile, environment.get("AZURE_AUTHORITY_HOST"));
        }
        if (clientId != null) {
            return new ManagedIdentity(clientId);
        }
        return new DefaultChain();
    }

    /** How metrics and logs name the kind: none, workload, managed or default. */
    String kind();

    /** How it signs in and what that needs, in the words a sign-in failure and {@code plan} give. */
    String signsInWith();
}
