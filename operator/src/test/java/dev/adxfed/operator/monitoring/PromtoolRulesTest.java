package dev.adxfed.operator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus' own promtool reads the shipped rules: {@code promtool check rules} (PromQL, templates, durations)
 * and {@code promtool test rules} with the unit tests in src/test/resources/promtool (the absent-operator
 * alert, a ratio alert, the per-resource readiness alert). .ci/run installs promtool (Debian's prometheus
 * package); the system property {@code promtool} may name another.
 */
class PromtoolRulesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path rules = dir.resolve("adxfed-alerts.yaml");
        YAML.writeValue(rules.toFile(), ruleFile(false));

        Result check = promtool("check", "rules", rules.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alertCount() + " rules found");
    }

    @Test
    void theAlertsFireWhenTheUnitTestsSayAndOnlyThen() throws Exception {
        YAML.writeValue(dir.resolve("adxfed-alerts.rules.yaml").toFile(), ruleFile(true));
        Path tests = dir.resolve("adxfed-alerts-test.yaml");
        try (InputStream in = PromtoolRulesTest.class.getResourceAsStream("/promtool/adxfed-alerts-test.yaml")) {
            assertThat(in).as("promtool/adxfed-alerts-test.yaml on the test class path").isNotNull();
            Files.copy(in, tests);
        }

        Result test = promtool("test", "rules", tests.toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    /** A unit test that expects what the rules do not do must fail, or the test above proves nothing. */
    @Test
    void aUnitTestExpectingTheWrongAlertFails() throws Exception {
        YAML.writeValue(dir.resolve("adxfed-alerts.rules.yaml").toFile(), ruleFile(true));
        Path tests = dir.resolve("wrong-test.yaml");
        Files.writeString(tests, """
                rule_files: [adxfed-alerts.rules.yaml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job="adxfed-operator",namespace="adx-mon",pod="a"}'
                        values: '1x30'
                    alert_rule_test:
                      - eval_time: 25m
                        alertname: AdxfedOperatorAbsent
                        exp_alerts:
                          - exp_labels: {severity: critical}
                """);

        Result test = promtool("test", "rules", tests.toString());
        assertThat(test.exitCode()).isNotZero();
        assertThat(test.output()).contains("AdxfedOperatorAbsent");
    }

    /**
     * The rule groups of the PrometheusRule as a Prometheus rule file; for unit tests without annotations, which
     * promtool would otherwise compare word for word.
     */
    private static JsonNode ruleFile(boolean withoutAnnotations) {
        ObjectNode file = YAML.createObjectNode();
        JsonNode groups = MonitoringFiles.alerts().path("spec").path("groups").deepCopy();
        if (withoutAnnotations) {
            groups.forEach(g -> g.path("rules").forEach(r -> ((ObjectNode) r).remove("annotations")));
        }
        file.set("groups", groups);
        return file;
    }

    private static int alertCount() {
        int count = 0;
        for (JsonNode group : MonitoringFiles.alerts().path("spec").path("groups")) {
            count += group.path("rules").size();
        }
        return count;
    }

    private record Result(int exitCode, String output) {}

    private Result promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("promtool", "promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run promtool (apt-get install prometheus; .ci/run installs it), or set"
                    + " -Dpromtool=PATH: " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
