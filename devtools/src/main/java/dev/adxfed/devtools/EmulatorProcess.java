package dev.adxfed.devtools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.cli.CommandFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code adxfed emulator} in a child JVM, so that a measurement of this JVM's heap is the
 * operator's alone and not the emulator's copy of every row it serves.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern CLUSTER_LINE = Pattern.compile("^ {2}(\\S+)\\s+(http://\\S+)\\s+databases:");
    private static final String READY_LINE = "Press Ctrl-C to stop.";

    private final Process process;
    private final Path configFile;
    private final Map<String, String> urls;

    private EmulatorProcess(Process process, Path configFile, Map<String, String> urls) {
        this.process = process;
        this.configFile = configFile;
        this.urls = urls;
    }

    /** Starts the clusters of {@code config} with {@code maxHeap} (a -Xmx value) and waits until they listen. */
    static EmulatorProcess start(EmulatorConfig config, String maxHeap) throws IOException {
        Path file = Files.createTempFile("adxfed-bench-emulator", ".yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), config);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                AdxfedDev.class.getName(), "emulator", "--config", file.toString())
                .redirectErrorStream(true).start();
        Map<String, String> urls = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.equals(READY_LINE)) {
            output.add(line);
            Matcher m = CLUSTER_LINE.matcher(line);
            if (m.find()) {
                urls.put(m.group(1), m.group(2));
            }
        }
        if (line == null) {
            process.destroy();
            Files.deleteIfExists(file);
            throw new CommandFailure("the emulator process stopped before its clusters were up:\n" + String.join("\n", output),
                    CommandFailure.FAILED);
        }
        // Drained so that a chatty emulator never blocks on a full pipe.
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "bench-emulator-output");
        drain.setDaemon(true);
        drain.start();
        return new EmulatorProcess(process, file, urls);
    }

    Optional<String> url(String cluster) {
        return Optional.ofNullable(urls.get(cluster));
    }

    /** CPU time the emulator's JVM has used so far, all threads: what serving the operator cost it. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        Files.deleteIfExists(configFile);
    }
}
