package dev.adxfed.operator.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.DurationText;
import dev.adxfed.operator.api.Endpoints;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.model.ClusterModel;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ADXCluster resources read from a YAML file (one or more documents) for {@code sync} and {@code plan},
 * checked as the API server would check them: against the CRD's schema, with unknown fields refused
 * as {@code kubectl apply} refuses them. Every problem is named with its file, line and field.
 */
final class ClusterFile {

    private static final String CRD = "/META-INF/fabric8/adxclusters.adx-mon.azure.com-v1.yml";
    private static final String API_VERSION = ADXCluster.GROUP + "/" + ADXCluster.VERSION;
    private static final Schema SCHEMA = loadSchema();
    /** The CRD's patterns in words, so that a refusal says what is expected instead of quoting a regular expression. */
    private static final Map<String, String> PATTERN_WORDS = Map.of(
            FederationSpec.TTL_PATTERN, DurationText.EXPECTED,
            "^[a-zA-Z0-9_]+$", "a Kusto name: letters, digits and underscores",
            "^[a-zA-Z0-9-]+$", "letters, digits and dashes",
            Endpoints.PATTERN, "an http(s) URL such as https://mycluster.westeurope.kusto.windows.net",
            "^(inline|entityGroup)$", "inline or entityGroup",
            "^[a-zA-Z0-9_]*\\{database\\}[a-zA-Z0-9_]*$",
            "letters, digits and underscores around exactly one {database}");

    private ClusterFile() {}

    /** The resources in {@code file}, or a {@link CommandFailure} listing every problem found. */
    static List<ADXCluster> read(Path file) {
        List<JsonNode> documents = documents(file);
        List<String> problems = new ArrayList<>();
        List<ADXCluster> clusters = new ArrayList<>();
        for (JsonNode doc : documents) {
            if (doc == null || doc.isNull() || doc.isEmpty()) {
                continue;
            }
            List<String> found = check(doc);
            if (found.isEmpty()) {
                ADXCluster cluster = Serialization.unmarshal(doc.toString(), ADXCluster.class);
                if (ClusterModel.of(cluster) instanceof ClusterModel.Invalid invalid) {
                    invalid.problems().forEach(p -> found.add(line(at(doc, p.field())) + ": " + p));
                } else {
                    clusters.add(cluster);
                }
            }
            found.stream().sorted(Comparator.comparingInt(ClusterFile::lineOf)).forEach(p -> problems.add(file + ":" + p));
        }
        if (!problems.isEmpty()) {
            throw new CommandFailure(String.join("\n", problems), CommandFailure.USAGE);
        }
        if (clusters.isEmpty()) {
            throw new CommandFailure(file + ": holds no ADXCluster resource", CommandFailure.USAGE);
        }
        return clusters;
    }

    private static List<JsonNode> documents(Path file) {
        YAMLMapper yaml = new YAMLMapper();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = yaml.getFactory().createParser(in)) {
            // Nodes that remember their line, so that schema errors can say where they are.
            yaml.setNodeFactory(new LocationJsonNodeFactory(parser));
            try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(parser)) {
                return docs.readAll();
            }
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + ": no such file", CommandFailure.USAGE, e);
        } catch (JsonProcessingException e) {
            throw new CommandFailure(file + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage(),
                    CommandFailure.USAGE, e);
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot read: " + e.getMessage(), CommandFailure.USAGE, e);
        }
    }

    private static List<String> check(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        int line = line(doc);
        if (!API_VERSION.equals(doc.path("apiVersion").asText()) || !"ADXCluster".equals(doc.path("kind").asText())) {
            problems.add(line + ": not an ADXCluster: apiVersion must be " + API_VERSION + " and kind ADXCluster, found "
                    + doc.path("apiVersion").asText("(none)") + " " + doc.path("kind").asText("(none)"));
            return problems;
        }
        if (doc.path("metadata").path("name").asText().isBlank()) {
            problems.add(line + ": metadata.name is required");
        }
        ObjectNode body = doc.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata"));
        for (Error e : SCHEMA.validate(body)) {
            problems.add(describe(doc, e));
        }
        return problems;
    }

    private static String describe(JsonNode doc, Error e) {
        String path = dotted(e.getInstanceLocation());
        JsonNode node = e.getInstanceNode();
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
            JsonNode child = node == null ? null : node.get(e.getProperty());
            String field = path.isEmpty() ? e.getProperty() : path + "." + e.getProperty();
            return line(child != null ? child : node != null ? node : doc) + ": unknown field " + field;
        }
        String found = node != null && node.isValueNode() ? " (found '" + node.asText() + "')" : "";
        if ("pattern".equals(e.getKeyword()) && e.getArguments() != null && e.getArguments().length > 0) {
            String words = PATTERN_WORDS.get(String.valueOf(e.getArguments()[0]));
            if (words != null) {
                return line(node != null ? node : doc) + ": " + path + ": is not " + words + found;
            }
        }
        // The validator starts its messages with the location, which is given here as a dotted path instead.
        String message = e.getMessage();
        String prefix = e.getInstanceLocation() + ": ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return line(node != null ? node : doc) + ": " + (path.isEmpty() ? "" : path + ": ") + text + found;
    }

    /** {@code spec.databases[0].databaseName}, as kubectl names fields. */
    private static String dotted(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    /** The node a field names, or the nearest of its parents that the file has, to give a line for it. */
    private static JsonNode at(JsonNode doc, String field) {
        JsonNode node = doc;
        for (String step : field.split("\\.")) {
            int bracket = step.indexOf('[');
            JsonNode next = node.get(bracket < 0 ? step : step.substring(0, bracket));
            if (next != null && bracket >= 0) {
                next = next.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
            if (next == null || next.isMissingNode()) {
                return node;
            }
            node = next;
        }
        return node;
    }

    private static int lineOf(String problem) {
        return Integer.parseInt(problem.substring(0, problem.indexOf(':')));
    }

    /** Objects and arrays get their location when they end, so they are placed at their first value instead. */
    private static int line(JsonNode node) {
        if (node.isContainerNode() && !node.isEmpty()) {
            return line(node.elements().next());
        }
        return node instanceof TokenStreamLocationAware located ? located.tokenStreamLocation().getLineNr() : 0;
    }

    private static Schema loadSchema() {
        try (InputStream in = ClusterFile.class.getResourceAsStream(CRD)) {
            if (in == null) {
                throw new IllegalStateException(CRD + " is missing from the class path; the build copies it from deploy/crds/");
            }
            JsonNode openApi = new YAMLMapper().readTree(in).at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
            closeObjects(openApi.path("properties").path("spec"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API server drops unknown fields and kubectl refuses them: a typo must not pass silently. */
    private static void closeObjects(JsonNode node) {
        if (node.has("properties") && !node.has("additionalProperties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                closeObjects(child);
            }
        }
    }
}
