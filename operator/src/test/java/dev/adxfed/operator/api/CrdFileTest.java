package dev.adxfed.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.adxfed.operator.cli.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrdFileTest {

    static final String CRD = "deploy/crds/" + GeneratedCrd.FILE;

    @Test
    void committedCrdIsTheOneGeneratedFromTheApiClasses() throws IOException {
        Path generated = GeneratedCrd.writeTo(RepositoryRoot.path("operator/target/generated-crds"));
        assertThat(Files.readString(RepositoryRoot.path(CRD)))
                .as("%s is stale: copy %s over it", CRD, generated)
                .isEqualTo(Files.readString(generated));
    }

    /**
     * {@code kubectl get adxclusters} shows these columns; each path must lead to a field the schema
     * has (or to the operator's condition), or kubectl prints an empty column without complaint.
     */
    @Test
    void printerColumnsShowRoleEndpointLivePartitionsTheConditionAndAgeInThatOrder() throws IOException {
        JsonNode version = new YAMLMapper().readTree(Files.readString(RepositoryRoot.path(CRD)))
                .at("/spec/versions/0");
        List<String> columns = new ArrayList<>();
        for (JsonNode column : version.path("additionalPrinterColumns")) {
            columns.add(column.path("name").asText() + " " + column.path("type").asText() + " " + column.path("jsonPath").asText());
        }
        String condition = ".status.conditions[?(@.type==\"" + ADXClusterStatus.CONDITION_TYPE + "\")]";
        // The order kubectl prints them in, after NAME: what it is, where it points, how it is doing, how old.
        assertThat(columns).containsExactly(
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
