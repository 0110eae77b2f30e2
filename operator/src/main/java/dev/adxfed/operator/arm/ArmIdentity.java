package dev.adxfed.operator.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.adxfed.operator.kusto.KustoIdentity;

import java.util.Map;

/** How the operator signs in to Azure Resource Manager, chosen as {@code KustoIdentity} chooses for Kusto. */
public sealed interface ArmIdentity {

    /** A local endpoint over plain http: no token is sent. */
    record None() implements ArmIdentity {}

    /** A user-assigned managed identity, by client id. */
    record ManagedIdentity(String clientId) implements ArmIdentity {}

    /** AKS workload identity: the federated token file, client id and tenant that the webhook puts in the environment. */
    record WorkloadIdentity() implements ArmIdentity {}

    /** The default chain: environment, workload identity, managed identity, Azure CLI, ... */
    record DefaultChain() implements ArmIdentity {}

    static ArmIdentity of(ArmEndpoint endpoint, String managedIdentityClientId, Map<String, String> environment) {
        if (endpoint.plainLoopback()) {
            return new None();
        }
        if (managedIdentityClientId != null && !managedIdentityClientId.isBlank()) {
            return new ManagedIdentity(managedIdentityClientId.strip());
        }
        if (environment.containsKey("AZURE_FEDERATED_TOKEN_FILE")) {
            return new WorkloadIdentity();
        }
        return new DefaultChain();
    }

    /** How it signs in and what that needs, in the words Kusto's identities use. */
    default String signsInWith() {
        if (this instanceof ManagedIdentity managed) {
            return "managed identity " + managed.clientId() + " (--arm-managed-identity-client-id): it signs in only on an"
                    + " Azure VM or AKS node that has this identity assigned";
        }
        if (this instanceof WorkloadIdentity) {
            return "workload identity (AZURE_CLIENT_ID, with the pod's service-account token): the identity needs a"
                    + " federated credential for this service account and a role in the subscription";
        }
        if (this instanceof DefaultChain) {
            return new KustoIdentity.DefaultChain().signsInWith() + " (to try provisioning on this machine instead, give"
                    + " --arm-endpoint the Azure Resource Manager that adxfed emulator prints)";
        }
        return new KustoIdentity.None().signsInWith();
    }

    /** The credential for this identity; null for {@link None}. */
    default TokenCredential credential() {
        if (this instanceof ManagedIdentity managed) {
            return new ManagedIdentityCredentialBuilder().clientId(managed.clientId()).build();
        }
        if (this instanceof WorkloadIdentity) {
            return new WorkloadIdentityCredentialBuilder().build();
        }
        if (this instanceof DefaultChain) {
            return new DefaultAzureCredentialBuilder().build();
        }
        return null;
    }
}
