package dev.adxfed.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to start: the virtual clusters with their ports and initial databases, and where to keep
 * data ({@code dataDir} null keeps everything in memory). Readable from YAML, e.g.
 * <pre>
 * clusters:
 *   - name: eastus
 *     port: 8080
 *     databases:
 *       - name: Metrics
 *         tables:
 *           - name: Cpu
 *             columns: {Timestamp: datetime, Host: string, Value: real}
 *             rows:
 *               - ["2024-05-01T10:00:00Z", "web-1", 0.5]
 *         commands:
 *           - ".create function CpuOf(host:string) { Cpu | where Host == host }"
 * arm:
 *   port: 8090
 *   provisioningDelayMillis: 1000
 * </pre>
 */
public record EmulatorConfig(String host, List<ClusterConfig> clusters, Path dataDir, ArmConfig arm) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public EmulatorConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        arm = arm == null ? ArmConfig.DEFAULT : arm;
    }

    /** The clusters, with the local Azure Resource Manager endpoint as {@link ArmConfig#DEFAULT} has it. */
    public EmulatorConfig(String host, List<ClusterConfig> clusters, Path dataDir) {
        this(host, clusters, dataDir, null);
    }

    /**
     * The local Azure Resource Manager endpoint: its port (0 picks a free one) and how long a long-running
     * operation (a cluster or database made, changed or deleted, a provider registered) stays in progress.
     */
    public record ArmConfig(Integer port, Long provisioningDelayMillis) {

        /** A free port, and one second of provisioning: long enough to be seen in progress, short enough to wait for. */
        public static final ArmConfig DEFAULT = new ArmConfig(0, 1000L);

        public ArmConfig {
            port = port == null ? 0 : port;
            provisioningDelayMillis = provisioningDelayMillis == null ? 1000L : provisioningDelayMillis;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("arm.port must be a port number (0 picks a free one), got " + port);
            }
            if (provisioningDelayMillis < 0) {
                throw new IllegalArgumentException("arm.provisioningDelayMillis cannot be negative, got " + provisioningDelayMillis);
            }
        }
    }

    /** One virtual cluster; port 0 picks a free port. Its databases are created only when it has no saved data. */
    public record ClusterConfig(String name, int port, List<DatabaseConfig> databases) {
        public ClusterConfig {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("cluster name '" + name + "' is not valid: use letters, digits, '-' and '_'");
            }
            databases = databases == null ? List.of() : List.copyOf(databases);
        }
    }

    /**
     * A database with tables and rows, then management commands run in it (functions, entity groups,
     * anything else). Databases are persistent unless {@code volatile} is true.
     */
    public record DatabaseConfig(String name, @JsonProperty("volatile") Boolean isVolatile, List<TableConfig> tables, List<String> commands) {
        public DatabaseConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every database needs a name");
            }
            isVolatile = isVolatile != null && isVolatile;
            tables = tables == null ? List.of() : List.copyOf(tables);
            commands = commands == null ? List.of() : List.copyOf(commands);
        }
    }

    /** A table: columns in order (name to KQL type) and rows, one value per column as YAML writes it. */
    public record TableConfig(String name, Map<String, String> columns, List<List<JsonNode>> rows) {
        public TableConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every table needs a name");
            }
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " needs columns");
            }
            columns = new LinkedHashMap<>(columns);
            rows = rows == null ? List.of() : new ArrayList<>(rows);
        }
    }

    /** {@code n} clusters on free ports, each with the sample databases. */
    /** The name of the empty cluster {@link #withEmptyHub()} adds. */
    public static final String HUB = "hub";

    public static EmulatorConfig sample(int n) {
        return sample(n, 0, null);
    }

    /**
     * {@code n} clusters with the sample databases, on ports {@code basePort, basePort + 1, ...}
     * (free ports when {@code basePort} is 0).
     */
    public static EmulatorConfig sample(int n, int basePort, Path dataDir) {
        if (n < 1) {
            throw new IllegalArgumentException("--clusters must be at least 1, got " + n);
        }
        Instant now = Instant.now();
        List<ClusterConfig> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ClusterConfig(SampleData.clusterName(i), basePort == 0 ? 0 : basePort + i, SampleData.databases(i, now)));
        }
        return new EmulatorConfig(DEFAULT_HOST, clusters, dataDir);
    }

    /**
     * These clusters and an empty one named {@code hub} on the port after the last (a free port when the
     * others are on free ports): a hub for federation has no tables of its own that its functions would hide.
     */
    public EmulatorConfig withEmptyHub() {
        int last = clusters.get(clusters.size() - 1).port();
        List<ClusterConfig> all = new ArrayList<>(clusters);
        all.add(new ClusterConfig(HUB, last == 0 ? 0 : last + 1, List.of()));
        return new EmulatorConfig(host, all, dataDir);
    }

    public EmulatorConfig withDataDir(Path dir) {
        return new EmulatorConfig(host, clusters, dir, arm);
    }

    public EmulatorConfig withArm(ArmConfig settings) {
        return new EmulatorConfig(host, clusters, dataDir, settings);
    }

    /**
     * Reads a YAML config file; unknown keys are errors, named with where they are. SnakeYAML's 3 MB bound on a
     * document is raised: a bench partition of 100,000 tables is a config of tens of megabytes.
     */
    public static EmulatorConfig readYaml(Path file) throws IOException {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(Integer.MAX_VALUE);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(loader).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return yaml.readValue(file.toFile(), EmulatorConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(file + ": unknown key '" + e.getPropertyName() + "' at " + path(e)
                    + "; known keys: " + e.getKnownPropertyIds(), e);
        }
    }

    /** Where a key is, as {@code clusters[0].prot}. */
    private static String path(UnrecognizedPropertyException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
