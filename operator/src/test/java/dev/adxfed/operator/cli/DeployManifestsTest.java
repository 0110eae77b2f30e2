package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of deploy/ parse, and what one names the others provide (kubectl would only tell at install time). */
class DeployManifestsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path deploy;
    private static JsonNode kustomization;
    /** Every object of the kustomization's resources, by kind and name. */
    private static final Map<String, JsonNode> objects = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        deploy = RepositoryRoot.path("deploy");
        kustomization = YAML.readTree(deploy.resolve("kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.path("resources")) {
            Path file = deploy.resolve(resource.asText());
            assertThat(file).as("kustomization resource").exists();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                for (JsonNode doc : docs.readAll()) {
                    objects.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
    }

    private static JsonNode object(String kindAndName) {
        assertThat(objects).as("objects in deploy/").containsKey(kindAndName);
        return objects.get(kindAndName);
    }

    private static JsonNode container() {
        return object("Deployment/adxfed-operator").at("/spec/template/spec/containers/0");
    }

    @Test
    void kustomizationListsEveryManifestAndTheGeneratedCrd() throws IOException {
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(deploy)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(manifests::add);
        }
        assertThat(listed).containsAll(manifests).contains("crds/adxclusters.adx-mon.azure.com-v1.yml");
    }

    @Test
    void everyObjectUsesTheNamespaceOfTheKustomization() {
        String namespace = kustomization.path("namespace").asText();
        assertThat(object("Namespace/" + namespace)).isNotNull();
        objects.forEach((name, o) -> {
            JsonNode ns = o.at("/metadata/namespace");
            if (!ns.isMissingNode()) {
                assertThat(ns.asText()).as(name).isEqualTo(namespace);
            }
        });
    }

    @Test
    void bindingsGiveTheDeploymentsServiceAccountTheRolesThatExist() {
        String account = object("Deployment/adxfed-operator").at("/spec/template/spec/serviceAccountName").asText();
        assertThat(object("ServiceAccount/" + account)).isNotNull();
        for (String binding : List.of("ClusterRoleBinding/adxfed-operator", "RoleBinding/adxfed-operator-leader-election")) {
            JsonNode b = object(binding);
            assertThat(object(b.at("/roleRef/kind").asText() + "/" + b.at("/roleRef/name").asText())).isNotNull();
            assertThat(b.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
            assertThat(b.at("/subjects/0/name").asText()).as(binding).isEqualTo(account);
        }
    }

    @Test
    void clusterRoleCoversTheCrdsResourcesAndNothingBroader() {
        JsonNode crd = object("CustomResourceDefinition/adxclusters.adx-mon.azure.com");
        String group = crd.at("/spec/group").asText();
        String plural = crd.at("/spec/names/plural").asText();

        Map<String, Set<String>> verbs = verbsByResource(object("ClusterRole/adxfed-operator"));

        assertThat(verbs).containsOnlyKeys(group + "/" + plural, group + "/" + plural + "/status", "/events", "events.k8s.io/events");
        assertThat(verbs.get(group + "/" + plural)).as("patch: only to remove the release-departures annotation")
                .containsExactlyInAnyOrder("get", "list", "watch", "patch");
        assertThat(verbs.get(group + "/" + plural + "/status")).containsExactlyInAnyOrder("get", "patch", "update");
        assertThat(verbs.get("/events")).containsExactlyInAnyOrder("create", "patch");
    }

    @Test
    void leaderElectionRoleCoversTheLeaseTheOperatorIsToldToUse() {
        JsonNode role = object("Role/adxfed-operator-leader-election");
        Map<String, Set<String>> verbs = verbsByResource(role);
        assertThat(verbs).containsOnlyKeys("coordination.k8s.io/leases");
        assertThat(verbs.get("coordination.k8s.io/leases")).contains("create", "get", "update");

        OperatorOptions options = parseOperatorArgs();
        JsonNode named = null;
        for (JsonNode rule : role.path("rules")) {
            if (rule.has("resourceNames")) {
                named = rule.path("resourceNames");
            }
        }
        assertThat(named).isNotNull();
        assertThat(named.toString()).contains("\"" + options.lease + "\"");
    }

    @Test
    void containerArgsAreRealOperatorOptionsAndTheirPortsAreTheContainersPorts() {
        OperatorOptions options = parseOperatorArgs();

        Map<String, Integer> ports = new TreeMap<>();
        container().path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(ports).containsExactly(Map.entry("health", options.healthPort), Map.entry("metrics", options.metricsPort));
        assertThat(options.metricsPort).isNotEqualTo(options.healthPort);
        assertThat(options.leaderElection).isTrue();
        assertThat(options.labels()).containsOnlyKeys("region", "environment", "cloud");
    }

    @Test
    void probesAndServiceUseNamedContainerPorts() {
        JsonNode c = container();
        assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("health");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("health");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");

        JsonNode service = object("Service/adxfed-operator-metrics");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("metrics");
        assertThat(service.at("/spec/selector")).isEqualTo(object("Deployment/adxfed-operator").at("/spec/selector/matchLabels"));
        assertThat(service.at("/metadata/annotations/prometheus.io~1port").asText())
                .isEqualTo(String.valueOf(parseOperatorArgs().metricsPort));
    }

    @Test
    void imageIsTheOneTheKustomizationAndDockerfileBuild() throws IOException {
        String image = container().path("image").asText();
        assertThat(image).startsWith(kustomization.at("/images/0/name").asText() + ":");

        String dockerfile = Files.readString(deploy.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/adxfed/adxfed.jar\"]");
        assertThat(container().path("args").get(0).asText()).isEqualTo("operator");
    }

    /** The image is the operator's jar alone, which OperatorLayeringTest and the enforcer rule keep free of the emulator. */
    @Test
    void imageBuildsAndCopiesTheOperatorJarAndNoDeveloperCode() throws IOException {
        List<String> lines = Files.readAllLines(deploy.resolve("Dockerfile"));
        int runtimeStage = 0;
        for (int i = 0; i < lines.size(); i++) {
            runtimeStage = lines.get(i).startsWith("FROM ") ? i : runtimeStage;
        }
        List<String> runtimeCopies = lines.subList(runtimeStage, lines.size()).stream().filter(l -> l.startsWith("COPY")).toList();
        assertThat(runtimeCopies).containsExactly("COPY --from=build /src/operator/target/adxfed.jar /opt/adxfed/adxfed.jar");

        List<String> builds = lines.stream().filter(l -> l.startsWith("RUN mvn")).toList();
        assertThat(builds).isNotEmpty().allSatisfy(l -> assertThat(l).contains("-pl operator ").doesNotContain("devtools"));
        assertThat(lines).filteredOn(l -> l.startsWith("COPY devtools")).containsExactly("COPY devtools/pom.xml devtools/");
        assertThat(Files.readAllLines(deploy.resolve("Dockerfile.dockerignore"))).contains("devtools/src");
    }

    /** Maven skips a missing resource directory without a word, and the jar would lack the CRD that sync, plan and status need. */
    @Test
    void imageBuildCopiesTheCrdTheJarCarriesBeforeBuildingIt() throws IOException {
        List<String> lines = Files.readAllLines(deploy.resolve("Dockerfile"));
        int copy = lines.indexOf("COPY deploy/crds deploy/crds");
        assertThat(copy).as("the Dockerfile copies deploy/crds").isNotNegative();
        assertThat(lines.subList(copy, lines.size())).anyMatch(l -> l.startsWith("RUN mvn") && l.contains(" package"));
    }

    /** Parses the Deployment's args as {@code adxfed} itself does. */
    private static OperatorOptions parseOperatorArgs() {
        List<String> args = new ArrayList<>();
        container().path("args").forEach(a -> args.add(a.asText()));
        CommandLine cli = Adxfed.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("operator");
        return ((OperatorCommand) parsed.subcommand().commandSpec().userObject()).options;
    }

    private static Map<String, Set<String>> verbsByResource(JsonNode role) {
        Map<String, Set<String>> verbs = new TreeMap<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    Set<String> set = verbs.computeIfAbsent(group.asText() + "/" + resource.asText(), k -> new TreeSet<>());
                    rule.path("verbs").forEach(v -> set.add(v.asText()));
                }
            }
        }
        assertThat(verbs.keySet()).as("wildcards").noneMatch(k -> k.contains("*"));
        verbs.values().forEach(v -> assertThat(v).as("wildcard verbs").doesNotContain("*"));
        return verbs;
    }
}
