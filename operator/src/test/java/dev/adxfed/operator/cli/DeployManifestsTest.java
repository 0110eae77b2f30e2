package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.adxfed.operator.controller.RuntimeLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install as {@code kubectl apply -k} would send it: each kustomization of deploy/ rendered by kubectl, and
 * what one object names the others provide (kubectl would only tell at install time, the kubelet later).
 */
class DeployManifestsTest {

    private static final Pattern MEBIBYTES = Pattern.compile("(\\d+)Mi");
    private static final Pattern JVM_SIZE = Pattern.compile("-XX:(\\w+)=(\\d+)m");
    private static Path deploy;
    /** deploy/: the operator with a ClusterRole. */
    private static RenderedInstall operator;
    /** deploy/namespaced/: the operator watching its own namespace, with a Role. */
    private static RenderedInstall namespaced;
    private static RenderedInstall crds;
    private static RenderedInstall namespace;

    @BeforeAll
    static void render() {
        deploy = RepositoryRoot.path("deploy");
        operator = RenderedInstall.of("deploy");
        namespaced = RenderedInstall.of("deploy/namespaced");
        crds = RenderedInstall.of("deploy/crds");
        namespace = RenderedInstall.of("deploy/namespace");
    }

    private static List<RenderedInstall> operatorInstalls() {
        return List.of(operator, namespaced);
    }

    /** Uninstalling the operator must not take adx-mon's CRD (and with it every ADXCluster) or its namespace along. */
    @Test
    void theOperatorsInstallsHoldNeitherTheSharedCrdNorTheSharedNamespace() {
        for (RenderedInstall install : operatorInstalls()) {
            assertThat(install.kinds()).as(install.dir())
                    .doesNotContain("CustomResourceDefinition", "Namespace")
                    .contains("Deployment", "ServiceAccount", "PodDisruptionBudget", "Service");
        }
        assertThat(crds.objects()).containsOnlyKeys("CustomResourceDefinition/adxclusters.adx-mon.azure.com");
        String ns = operator.deployment().at("/metadata/namespace").asText();
        assertThat(namespace.objects()).containsOnlyKeys("Namespace/" + ns);
    }

    /** kubectl renders what a kustomization lists, so a manifest left out of every list would never be installed. */
    @Test
    void everyManifestIsListedByTheKustomizationOfItsDirectory() throws IOException {
        for (String dir : List.of("", "operator", "namespaced", "crds", "namespace")) {
            Path root = deploy.resolve(dir);
            Set<String> listed = new TreeSet<>();
            new YAMLMapper().readTree(root.resolve("kustomization.yaml").toFile()).path("resources")
                    .forEach(r -> listed.add(r.asText()));
            try (Stream<Path> files = Files.list(root)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals("kustomization.yaml"))
                        .forEach(n -> assertThat(listed).as("deploy/" + dir + "/kustomization.yaml").contains(n));
            }
        }
    }

    /** The API server drops a field its types lack with a warning at most; the object would then lack what it says. */
    @Test
    void everyFieldOfTheRenderedObjectsIsOneKubernetesKnows() {
        for (RenderedInstall install : List.of(operator, namespaced, namespace)) {
            install.objects().forEach((name, object) ->
                    assertThat(UnknownFields.of(object)).as(install.dir() + " " + name).isEmpty());
        }
        JsonNode misspelt = operator.deployment().deepCopy();
        ((ObjectNode) misspelt.at("/spec/template/spec"))
                .set("topologySpreadConstraint", misspelt.at("/spec/template/spec/topologySpreadConstraints"));
        assertThat(UnknownFields.of(misspelt)).containsExactly("spec.template.spec.topologySpreadConstraint");
    }

    @Test
    void everyNamespacedObjectIsInTheOperatorsNamespace() {
        String ns = namespace.objects().values().iterator().next().at("/metadata/name").asText();
        for (RenderedInstall install : operatorInstalls()) {
            for (JsonNode o : install.all()) {
                String kind = o.path("kind").asText();
                if (!kind.startsWith("Cluster")) {
                    assertThat(o.at("/metadata/namespace").asText()).as(install.dir() + " " + kind).isEqualTo(ns);
                }
            }
        }
    }

    @Test
    void bindingsGiveTheDeploymentsServiceAccountRolesThatExist() {
        for (RenderedInstall install : operatorInstalls()) {
            String account = install.deployment().at("/spec/template/spec/serviceAccountName").asText();
            install.object("ServiceAccount/" + account);
            int bindings = 0;
            for (JsonNode b : install.all()) {
                if (b.path("kind").asText().endsWith("Binding")) {
                    bindings++;
                    install.object(b.at("/roleRef/kind").asText() + "/" + b.at("/roleRef/name").asText());
                    assertThat(b.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
                    assertThat(b.at("/subjects/0/name").asText()).as(install.dir() + " " + b.at("/metadata/name")).isEqualTo(account);
                    assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(install.deployment().at("/metadata/namespace").asText());
                }
            }
            assertThat(bindings).as(install.dir()).isEqualTo(2);
        }
    }

    /**
     * Events: the operator creates a core v1 Warning Event on the ADXCluster when its condition turns False or
     * changes reason (FailureEvents); it never patches one, nor uses events.k8s.io.
     */
    @Test
    void theClusterRoleCoversTheCrdsResourcesAndNothingBroader() {
        JsonNode crd = crds.object("CustomResourceDefinition/adxclusters.adx-mon.azure.com");
        String resources = crd.at("/spec/group").asText() + "/" + crd.at("/spec/names/plural").asText();

        Map<String, Set<String>> verbs = verbsByResource(operator.object("ClusterRole/adxfed-operator"));

        assertThat(verbs).containsOnlyKeys(resources, resources + "/status", "/events");
        assertThat(verbs.get(resources)).as("patch: only to remove the release-departures annotation")
                .containsExactlyInAnyOrder("get", "list", "watch", "patch");
        assertThat(verbs.get(resources + "/status")).containsExactlyInAnyOrder("get", "patch", "update");
        assertThat(verbs.get("/events")).containsExactly("create");
        assertThat(operator.objects()).containsKey("ClusterRoleBinding/adxfed-operator");
    }

    @Test
    void theNamespacedVariantGrantsTheSameInTheOneNamespaceItWatches() {
        assertThat(namespaced.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
        JsonNode role = namespaced.object("Role/adxfed-operator");
        assertThat(verbsByResource(role)).isEqualTo(verbsByResource(operator.object("ClusterRole/adxfed-operator")));

        assertThat(parseOperatorArgs(operator).namespaces).as("deploy/ watches every namespace").isEmpty();
        assertThat(parseOperatorArgs(namespaced).namespaces).containsExactly(role.at("/metadata/namespace").asText());
    }

    @Test
    void theLeaderElectionRoleCoversTheLeaseTheOperatorIsToldToUse() {
        for (RenderedInstall install : operatorInstalls()) {
            JsonNode role = install.object("Role/adxfed-operator-leader-election");
            Map<String, Set<String>> verbs = verbsByResource(role);
            assertThat(verbs).containsOnlyKeys("coordination.k8s.io/leases");
            assertThat(verbs.get("coordination.k8s.io/leases")).contains("create", "get", "update");

            OperatorOptions options = parseOperatorArgs(install);
            JsonNode named = null;
            for (JsonNode rule : role.path("rules")) {
                if (rule.has("resourceNames")) {
                    named = rule.path("resourceNames");
                }
            }
            assertThat(named).isNotNull();
            assertThat(named.toString()).contains("\"" + options.lease + "\"");
        }
    }

    @Test
    void containerArgsAreRealOperatorOptionsAndTheirPortsAreTheContainersPorts() {
        for (RenderedInstall install : operatorInstalls()) {
            OperatorOptions options = parseOperatorArgs(install);

            Map<String, Integer> ports = new TreeMap<>();
            install.container().path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).containsExactly(Map.entry("health", options.healthPort), Map.entry("metrics", options.metricsPort));
            assertThat(options.metricsPort).isNotEqualTo(options.healthPort);
            assertThat(options.leaderElection).isTrue();
            assertThat(options.labels()).containsOnlyKeys("region", "environment", "cloud");
        }
    }

    /** Liveness must not follow the API server (an outage would restart both replicas) nor wait for the informers' sync. */
    @Test
    void probesUseTheirPathsOnTheHealthPortAndTheStartupProbeCoversTheInformerSync() {
        JsonNode c = operator.container();
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("health");
        }
        int startupSeconds = c.at("/startupProbe/periodSeconds").asInt() * c.at("/startupProbe/failureThreshold").asInt();
        assertThat(startupSeconds).as("the startupProbe's window covers a start of the JVM on a busy node").isGreaterThanOrEqualTo(120);

        JsonNode service = operator.object("Service/adxfed-operator-metrics");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("metrics");
        assertThat(service.at("/spec/selector")).isEqualTo(operator.deployment().at("/spec/selector/matchLabels"));
        assertThat(service.at("/metadata/annotations/prometheus.io~1port").asText())
                .isEqualTo(String.valueOf(parseOperatorArgs(operator).metricsPort));
    }

    /** A drain evicts one replica at a time, and the two replicas do not share a node (or a zone, where there are zones). */
    @Test
    void aDisruptionBudgetAndASpreadKeepOneReplicaUp() {
        JsonNode deployment = operator.deployment();
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode pdb = operator.object("PodDisruptionBudget/adxfed-operator");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1).isLessThan(deployment.at("/spec/replicas").asInt());
        pdb.at("/spec/selector/matchLabels").fields().forEachRemaining(l ->
                assertThat(podLabels.path(l.getKey()).asText()).as("the PDB selects the pods: " + l.getKey()).isEqualTo(l.getValue().asText()));

        Set<String> spreadKeys = new TreeSet<>();
        for (JsonNode spread : deployment.at("/spec/template/spec/topologySpreadConstraints")) {
            assertThat(spread.path("whenUnsatisfiable").asText()).as("a one-node cluster still runs both").isEqualTo("ScheduleAnyway");
            spread.at("/labelSelector/matchLabels").fields().forEachRemaining(l ->
                    assertThat(podLabels.path(l.getKey()).asText()).isEqualTo(l.getValue().asText()));
            spreadKeys.add(spread.path("topologyKey").asText());
        }
        assertThat(spreadKeys).containsExactlyInAnyOrder("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    }

    /** The kernel enforces the limit: the JVM's bounded areas must add up to less than it, and an OOM must end the JVM. */
    @Test
    void memoryRequestEqualsTheLimitAndTheJvmIsSizedBelowIt() {
        JsonNode resources = operator.container().path("resources");
        String limit = resources.at("/limits/memory").asText();
        assertThat(resources.at("/requests/memory").asText()).isEqualTo(limit);

        String options = env(operator.container(), "JAVA_TOOL_OPTIONS");
        assertThat(options.split("\\s+")).contains("-XX:+ExitOnOutOfMemoryError");
        Matcher mi = MEBIBYTES.matcher(limit);
        assertThat(mi.matches()).as("limit in Mi: " + limit).isTrue();
        long limitMiB = Long.parseLong(mi.group(1));
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertThat(percentage.find()).as("a heap share: " + options).isTrue();
        long heap = limitMiB * Long.parseLong(percentage.group(1)) / 100;
        Map<String, Long> bounded = new TreeMap<>();
        Matcher size = JVM_SIZE.matcher(options);
        while (size.find()) {
            bounded.put(size.group(1), Long.parseLong(size.group(2)));
        }
        assertThat(bounded).containsOnlyKeys("MaxMetaspaceSize", "ReservedCodeCacheSize", "MaxDirectMemorySize");
        long sum = heap + bounded.values().stream().mapToLong(Long::longValue).sum();
        assertThat(sum).as("heap %d MiB and %s leave room for thread stacks and the GC under %d MiB", heap, bounded, limitMiB)
                .isLessThanOrEqualTo(limitMiB - 96);
        // Three 1,000-partition hub passes at once completed in a 256 MiB heap (docs/operator.md, "Concurrency and memory").
        assertThat(parseOperatorArgs(operator).maxConcurrentReconciles).as("passes at once, as measured")
                .isEqualTo(RuntimeLimits.DEFAULT_MAX_CONCURRENT_RECONCILES).isEqualTo(3);
        assertThat(heap).as("the heap the measured passes fit in, and more").isGreaterThan(256);
    }

    /** The kubelet kills the container terminationGracePeriodSeconds after SIGTERM: a pass must be able to finish before. */
    @Test
    void theGracePeriodOutlastsTheTerminationTimeout() {
        Duration timeout = new DurationConverter().convert(arg(operator, "--termination-timeout"));
        long grace = operator.deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        assertThat(grace).isGreaterThan(timeout.toSeconds() + 10);
        assertThat(arg(operator, "--log-format")).isEqualTo("json");
    }

    /** Without the pod label the webhook injects nothing, and without the client id the Azure SDK falls back to the node's identity. */
    @Test
    void workloadIdentityIsAskedForByThePodAndNamedByTheServiceAccount() {
        for (RenderedInstall install : operatorInstalls()) {
            assertThat(install.deployment().at("/spec/template/metadata/labels/azure.workload.identity~1use").asText()).isEqualTo("true");
            String account = install.deployment().at("/spec/template/spec/serviceAccountName").asText();
            assertThat(install.object("ServiceAccount/" + account).at("/metadata/annotations/azure.workload.identity~1client-id").asText())
                    .isNotBlank();
        }
    }

    @Test
    void theImageIsTheOneTheKustomizationAndDockerfileBuild() throws IOException {
        JsonNode images = new YAMLMapper()
                .readTree(deploy.resolve("operator/kustomization.yaml").toFile()).at("/images/0");
        assertThat(operator.container().path("image").asText())
                .isEqualTo(images.path("name").asText() + ":" + images.path("newTag").asText());

        String dockerfile = Files.readString(deploy.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/adxfed/adxfed.jar\"]");
        assertThat(operator.container().path("args").get(0).asText()).isEqualTo("operator");
    }

    /** A floating tag changes under a rebuild, and {@code || true} turns a failed fetch into a build that fails later, or not at all. */
    @Test
    void theDockerfilePinsItsBaseImagesByDigestAndHidesNoFailure() throws IOException {
        List<String> lines = Files.readAllLines(deploy.resolve("Dockerfile"));
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2).allSatisfy(from -> assertThat(from).matches("FROM \\S+:\\S+@sha256:[0-9a-f]{64}( AS \\w+)?"));
        assertThat(lines).noneMatch(l -> l.contains("|| true") || l.contains("||true"));
    }

    /** The image is the operator's jar alone, which OperatorLayeringTest and the enforcer rule keep free of the emulator. */
    @Test
    void theImageBuildsAndCopiesTheOperatorJarAndNoDeveloperCode() throws IOException {
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
    void theImageBuildCopiesTheCrdTheJarCarriesBeforeBuildingIt() throws IOException {
        List<String> lines = Files.readAllLines(deploy.resolve("Dockerfile"));
        int copy = lines.indexOf("COPY deploy/crds deploy/crds");
        assertThat(copy).as("the Dockerfile copies deploy/crds").isNotNegative();
        assertThat(lines.subList(copy, lines.size())).anyMatch(l -> l.startsWith("RUN mvn") && l.contains(" package"));
    }

    /** Parses the Deployment's args as {@code adxfed} itself does. */
    private static OperatorOptions parseOperatorArgs(RenderedInstall install) {
        List<String> args = new ArrayList<>();
        install.container().path("args").forEach(a -> args.add(a.asText()));
        CommandLine cli = Adxfed.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("operator");
        return ((OperatorCommand) parsed.subcommand().commandSpec().userObject()).options;
    }

    /** The value of {@code --name=value} among the Deployment's args. */
    private static String arg(RenderedInstall install, String name) {
        List<String> values = new ArrayList<>();
        install.container().path("args").forEach(a -> {
            if (a.asText().startsWith(name + "=")) {
                values.add(a.asText().substring(name.length() + 1));
            }
        });
        assertThat(values).as(name + " in the Deployment's args").hasSize(1);
        return values.get(0);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in the container's env");
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
