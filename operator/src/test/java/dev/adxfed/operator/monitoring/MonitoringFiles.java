package dev.adxfed.operator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/monitoring/ as the tests read it: the dashboard, the alert rules, and every PromQL query in them. */
public final class MonitoringFiles {

    public static final String DASHBOARD = "adxfed-dashboard.json";
    public static final String ALERTS = "adxfed-alerts.yaml";
    /**
     * The labels the shipped ServiceMonitor's scrape puts on every series of the operator; Prometheus keeps a metric's own
     * label of one of these names only as {@code exported_<name>}.
     */
    public static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "service", "endpoint",
            "container");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,\\s*(\\w+)\\s*\\)");

    private MonitoringFiles() {}

    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/monitoring"))) {
                return p.resolve("deploy/monitoring");
            }
        }
        throw new IllegalStateException("deploy/monitoring not found above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode dashboard() {
        return read(JSON, DASHBOARD);
    }

    public static JsonNode alerts() {
        return read(YAML, ALERTS);
    }

    public static JsonNode yaml(String file) {
        return read(YAML, file);
    }

    /**
     * Every query of the dashboard (panel targets; a variable's {@code label_values(metric, label)}
     * read as {@code count by (label) (metric)}) and of the rules, by where it is, e.g.
     * {@code panel "Reconcile duration" B} or {@code alert AdxfedDeparturesHeld}.
     */
    public static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        JsonNode dashboard = dashboard();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                    : variable.path("query").asText();
            Matcher m = LABEL_VALUES.matcher(query);
            if (m.matches()) {
                queries.put("variable " + variable.path("name").asText(), "count by (" + m.group(2) + ") (" + m.group(1) + ")");
            } else if (!variable.path("type").asText().equals("datasource")) {
                throw new IllegalStateException("variable " + variable.path("name").asText() + ": a query this test cannot read: " + query);
            }
        }
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode group : alerts().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return queries;
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("deploy/monitoring/" + file + " does not parse: " + e.getMessage(), e);
        }
    }
}
