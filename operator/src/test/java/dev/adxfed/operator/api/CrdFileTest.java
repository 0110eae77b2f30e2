package dev.adxfed.operator.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class CrdFileTest {

    static final String CRD = "adxclusters.adx-mon.azure.com-v1.yml";

    @Test
    void committedCrdMatchesTheOneGeneratedFromTheApiClasses() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + CRD)) {
            assertThat(in).as("the build generates META-INF/fabric8/" + CRD).isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String committed = Files.readString(RepositoryFiles.resolve("deploy/crds/" + CRD));
        assertThat(committed)
                .as("deploy/crds/%s is stale: copy operator/target/classes/META-INF/fabric8/%s over it", CRD, CRD)
                .isEqualTo(generated);
    }
}
