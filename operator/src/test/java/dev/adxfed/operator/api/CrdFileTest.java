package dev.adxfed.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrdFileTest {

    static final String CRD = "adxclusters.adx-mon.azure.com-v1.yml";

    @Test
    void committedCrdMatchesTheOneGeneratedFromTheApiClasses() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + CRD)) {
            assertThat(in).as("the build generates META-INF/fabric8/" + CRD).isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String committed = Files.readString(RepositoryFiles.resolve("deploy/crds/" + CRD));
        assertThat(committed)
                .as("deploy/crds/%s is stale: copy operator/target/classes/META-INF/fabric8/%s over it", CRD, CRD)
                .isEqualTo(generated);
    }

    /**
     * {@code kubectl get adxclusters} shows these columns; each path must lead to a field the schema
     * has (or to the operator's condition), or kubectl prints an empty column without complaint.
     */
    @Test
    void printerColumnsShowRoleEndpointLivePartitionsTheConditionAndAge() throws IOException {
        JsonNode version = new YAMLMapper().readTree(Files.readString(RepositoryFiles.resolve("deploy/crds/" + CRD)))
                .at("/spec/versions/0");
        List<String> columns = new ArrayList<>();
        for (JsonNode column : version.path("additionalPrinterColumns")) {
            columns.add(column.path("name").asText() + " " + column.path("type").asText() + " " + column.path("jsonPath").asText());
        }
        String condition = ".status.conditions[?(@.type==\"" + ADXClusterStatus.CONDITION_TYPE + "\")]";
        assertThat(columns).containsExactlyInAnyOrder(
                "Role string .spec.role",
                "Endpoint string .status.endpoint",
                "Partitions integer .status.federation.partitions",
                "Ready string " + condition + ".status",
                "Reason string " + condition + ".reason",
                "Age date .metadata.creationTimestamp");
        JsonNode schema = version.at("/schema/openAPIV3Schema/properties");
        assertThat(schema.at("/spec/properties/role/enum").toString()).contains("Federated");
        assertThat(schema.at("/status/properties/endpoint/type").asText()).isEqualTo("string");
        assertThat(schema.at("/status/properties/federation/properties/partitions/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/status/properties/conditions/items/properties/reason/type").asText()).isEqualTo("string");
    }
}
