package dev.adxfed.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.adxfed.operator.cli.RepositoryRoot;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock API server does not validate resources, so the examples are checked here against the
 * openAPIV3Schema of the committed CRD, the way the API server with kubectl's strict field validation would.
 */
class ExampleResourcesTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode crd = YAML.readTree(RepositoryRoot.path(CrdFileTest.CRD).toFile());
        JsonNode openApi = crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
        rejectUnknownFields(openApi.get("properties").get("spec"));
        rejectUnknownFields(openApi.get("properties").get("status"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(openApi.toString(), InputFormat.JSON);
    }

    /** Kubernetes prunes unknown fields and kubectl rejects them; closed objects catch typos in examples. */
    private static void rejectUnknownFields(JsonNode node) {
        if (node.has("properties") && !node.has("additionalProperties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                rejectUnknownFields(child);
            }
        }
    }

    private static List<String> errors(JsonNode resource) {
        ObjectNode body = resource.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata"));
        return schema.validate(body.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"partition.yaml", "federated.yaml", "emulator-partitions.yaml", "emulator-hub.yaml",
            "adx-mon-provisioned.yaml"})
    void exampleIsValidAgainstTheGeneratedSchema(String file) throws IOException {
        Path example = RepositoryRoot.path("deploy/examples/" + file);
        List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(example.toFile()).readAll();
        assertThat(documents).as(file).isNotEmpty();
        documents.forEach(document -> assertThat(errors(document)).as(file).isEmpty());
    }

    @Test
    void examplesListedAboveAreAllTheExamples() throws IOException {
        try (var files = Files.list(RepositoryRoot.path("deploy/examples"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("adx-mon-provisioned.yaml", "emulator-hub.yaml", "emulator-partitions.yaml", "federated.yaml",
                            "partition.yaml");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/spec/federation/heartbeatTTL | 1d | heartbeatTTL",
            "/spec/federation/heartbeatTTL | 1.5h | heartbeatTTL",
            "/spec/role | Hub | role",
            "/spec/clusterName | hub_1 | clusterName",
            "/spec/endpoint | hub.kusto.windows.net | endpoint",
            "/spec/federation/entityGroupNamePattern | Partitions | entityGroupNamePattern",
            "/spec/federation/entityGroupNamePattern | {database}-Partitions | entityGroupNamePattern",
            "/spec/federation/heartbeatTable | Heart-beat | heartbeatTable",
            "/spec/databases/0/databaseName | Metrics;drop | databaseName",
            "/spec/databases/0/telemetryType | Events | telemetryType",
            "/spec/federation/fuzzyFuncions | true | fuzzyFuncions",
    })
    void invalidValueIsRejectedNamingTheField(String pointer, String value, String field) throws IOException {
        JsonNode resource = YAML.readTree(RepositoryRoot.path("deploy/examples/federated.yaml").toFile());
        int cut = pointer.lastIndexOf('/');
        ((ObjectNode) resource.at(pointer.substring(0, cut))).put(pointer.substring(cut + 1), value);
        assertThat(errors(resource)).isNotEmpty().anySatisfy(e -> assertThat(e).contains(field));
    }

    @Test
    void clusterNameLongerThan100IsRejected() throws IOException {
        JsonNode resource = YAML.readTree(RepositoryRoot.path("deploy/examples/federated.yaml").toFile());
        ((ObjectNode) resource.get("spec")).put("clusterName", "c".repeat(101));
        assertThat(errors(resource)).anySatisfy(e -> assertThat(e).contains("clusterName"));
    }

    @Test
    void federatedTargetWithoutClientIdIsAcceptedForTheDefaultCredentialChain() throws IOException {
        JsonNode resource = YAML.readTree(RepositoryRoot.path("deploy/examples/partition.yaml").toFile());
        ((ObjectNode) resource.at("/spec/federation/federatedTargets/0")).remove("managedIdentityClientId");
        assertThat(errors(resource)).isEmpty();
        ((ObjectNode) resource.at("/spec/federation/federatedTargets/0")).remove("heartbeatTable");
        assertThat(errors(resource)).as("the other target fields stay required")
                .anySatisfy(e -> assertThat(e).contains("heartbeatTable"));
    }

    @Test
    void partitionExampleReadsIntoTheApiClasses() throws IOException {
        ADXCluster cluster = Serialization.unmarshal(
                Files.readString(RepositoryRoot.path("deploy/examples/partition.yaml")), ADXCluster.class);
        ADXClusterSpec spec = cluster.getSpec();
        assertThat(spec.effectiveRole()).isEqualTo(ClusterRole.Partition);
        assertThat(spec.databases).extracting(d -> d.databaseName, d -> d.telemetryType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Metrics", TelemetryType.Metrics),
                        org.assertj.core.groups.Tuple.tuple("Logs", TelemetryType.Logs));
        assertThat(spec.federation.partitioning).isEqualTo(Map.of("geo", "EU", "location", "westeurope"));
        FederatedTarget target = spec.federation.federatedTargets.get(0);
        assertThat(target.endpoint).isEqualTo("https://hub.westeurope.kusto.windows.net");
        assertThat(target.heartbeatTable).isEqualTo("Heartbeat");
    }

    @Test
    void federatedExampleReadsIntoTheApiClasses() throws IOException {
        ADXCluster cluster = Serialization.unmarshal(
                Files.readString(RepositoryRoot.path("deploy/examples/federated.yaml")), ADXCluster.class);
        FederationSpec federation = cluster.getSpec().federation;
        assertThat(cluster.getSpec().effectiveRole()).isEqualTo(ClusterRole.Federated);
        assertThat(federation.heartbeatTtl()).hasMinutes(90);
        assertThat(federation.effectiveEntityGroupNamePattern()).isEqualTo("{database}_Partitions");
    }
}
