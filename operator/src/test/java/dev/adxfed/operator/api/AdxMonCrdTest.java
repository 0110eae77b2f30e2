package dev.adxfed.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.adxfed.operator.cli.RepositoryRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * adxfed's CRD stays a superset of adx-mon's, which shares its name: every field of adx-mon's schema (the list
 * in src/test/resources/adx-mon, taken from adx-mon's CRD) is in adxfed's with the same type, adxfed requires no
 * field adx-mon does not, and it allows every value adx-mon's enums allow. Applying adxfed's CRD over adx-mon's
 * then prunes nothing from adx-mon's resources and refuses none of them.
 */
class AdxMonCrdTest {

    private static JsonNode schema;
    private static List<String[]> adxMon;

    @BeforeAll
    static void read() throws IOException {
        schema = new YAMLMapper().readTree(Files.readString(RepositoryRoot.path(CrdFileTest.CRD)))
                .at("/spec/versions/0/schema/openAPIV3Schema");
        adxMon = new ArrayList<>();
        try (InputStream in = AdxMonCrdTest.class.getResourceAsStream("/adx-mon/adxcluster-fields.txt")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    adxMon.add(line.split(" "));
                }
            }
        }
        assertThat(adxMon).as("adx-mon's fields").hasSizeGreaterThan(40);
    }

    @Test
    void everyFieldOfAdxMonIsInAdxfedsSchemaWithItsType() {
        List<String> missing = new ArrayList<>();
        for (String[] entry : adxMon) {
            if (entry[0].equals("field")) {
                JsonNode node = at(entry[1]);
                if (node == null || !node.path("type").asText().equals(entry[2])) {
                    missing.add(entry[1] + " " + entry[2] + (node == null ? " (absent)" : " (is " + node.path("type").asText() + ")"));
                }
            }
        }
        assertThat(missing).as("adx-mon's fields that adxfed's CRD would prune or refuse").isEmpty();
    }

    @Test
    void adxfedRequiresNothingThatAdxMonDoesNot() {
        for (String[] entry : adxMon) {
            if (entry[0].equals("field") && entry[2].equals("object")) {
                Set<String> allowed = new HashSet<>();
                adxMon.stream().filter(e -> e[0].equals("required") && e[1].equals(entry[1]))
                        .forEach(e -> allowed.addAll(List.of(e[2].split(","))));
                List<String> required = new ArrayList<>();
                at(entry[1]).path("required").forEach(r -> required.add(r.asText()));
                assertThat(allowed).as(entry[1] + ": what adxfed requires, adx-mon requires too").containsAll(required);
            }
        }
    }

    @Test
    void adxfedAllowsEveryValueAdxMonAllows() {
        for (String[] entry : adxMon) {
            if (entry[0].equals("enum")) {
                JsonNode node = at(entry[1]);
                if (node.has("enum")) {
                    List<String> values = new ArrayList<>();
                    node.path("enum").forEach(v -> values.add(v.asText()));
                    assertThat(values).as(entry[1]).containsAll(List.of(entry[2].split(",")));
                }
            }
        }
    }

    /** The schema node of a path such as {@code .spec.databases[].telemetryType}, or null. */
    private static JsonNode at(String path) {
        JsonNode node = schema;
        for (String step : path.substring(1).split("\\.")) {
            String name = step.replace("[]", "").replace("{}", "");
            node = node.path("properties").path(name);
            if (step.endsWith("[]")) {
                node = node.path("items");
            } else if (step.endsWith("{}")) {
                node = node.path("additionalProperties");
            }
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }
}
