package dev.adxfed.operator.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator image holds no emulator, an unauthenticated KQL server: the operator's main code names no
 * emulator class, not in an import, a fully qualified name or a class name in a string. The build keeps
 * the emulator out of the operator's compile and runtime dependencies (the enforcer rule in operator/pom.xml),
 * so neither the classes compiled here nor the jar built from them can reach it.
 */
class OperatorLayeringTest {

    private static final String EMULATOR_PACKAGE = "dev.adxfed.emulator";

    @Test
    void mainSourcesNameNoEmulatorClass() throws IOException {
        Path main = RepositoryRoot.path("operator/src/main");
        List<Path> files = files(main);
        assertThat(files).as("sources scanned").hasSizeGreaterThan(50)
                .contains(main.resolve("java/dev/adxfed/operator/cli/Adxfed.java"));

        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(EMULATOR_PACKAGE) || lines.get(i).contains(EMULATOR_PACKAGE.replace('.', '/'))) {
                    violations.add(main.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(violations).as("operator main code that names the emulator (move it to devtools)").isEmpty();
    }

    @Test
    void compiledClassesReferNoEmulatorClass() throws IOException {
        Path classes = RepositoryRoot.path("operator/target/classes");
        List<Path> files = files(classes).stream().filter(p -> p.toString().endsWith(".class")).toList();
        assertThat(files).as("classes scanned").hasSizeGreaterThan(50);

        byte[] reference = EMULATOR_PACKAGE.replace('.', '/').getBytes(StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            if (indexOf(Files.readAllBytes(file), reference) >= 0) {
                violations.add(classes.relativize(file).toString());
            }
        }
        assertThat(violations).as("operator classes that refer to the emulator").isEmpty();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
