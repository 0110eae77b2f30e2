package dev.adxfed.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedCrdTest {

    /** A column from a field annotation has no place in the class's list, so it must not land anywhere silently. */
    @Test
    void aPrinterColumnOutsideTheDeclaredOnesIsRefusedByName(@TempDir Path dir) {
        CRDGenerator generator = new CRDGenerator()
                .customResourceClasses(Sample.class)
                .withPostProcessor(new GeneratedCrd.DeclaredColumnOrder(Sample.class))
                .inOutputDir(dir.toFile());
        assertThatThrownBy(generator::generate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("printer column Colour (.spec.colour) is not an @AdditionalPrinterColumn of Sample");
    }

    @Group("test.adxfed.dev")
    @Version("v1")
    @AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
    public static class Sample extends CustomResource<SampleSpec, Void> {}

    public static class SampleSpec {
        @PrinterColumn(name = "Colour")
        public String colour;
    }
}
