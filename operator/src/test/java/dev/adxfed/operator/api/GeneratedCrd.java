package dev.adxfed.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ADXCluster CRD as fabric8's generator writes it from the api classes, except that the printer
 * columns keep the order in which ADXCluster declares them. kubectl prints the columns in the CRD's
 * order, and the generator (7.5.2 up to its main branch) sorts them by JSON path, which would put Age
 * first and Endpoint after Reason; it has no attribute for an order (fabric8io/kubernetes-client#7454),
 * so its post-processing hook restores the declared one. The generator is a build-time tool the
 * operator's jar must not carry, which is why this runs in the tests and deploy/crds/ is committed.
 */
final class GeneratedCrd {

    static final String FILE = "adxclusters.adx-mon.azure.com-v1.yml";

    private GeneratedCrd() {}

    /** Writes the CRD into {@code dir} and returns its file. */
    static Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        new CRDGenerator()
                .customResourceClasses(ADXCluster.class)
                .withPostProcessor(new DeclaredColumnOrder(ADXCluster.class))
                .inOutputDir(dir.toFile())
                .generate();
        return dir.resolve(FILE);
    }

    /** Orders the printer columns as the resource class lists its {@link AdditionalPrinterColumn}s. */
    record DeclaredColumnOrder(Class<? extends HasMetadata> resource) implements CRDPostProcessor {

        @Override
        public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
            // Repeated annotations come back in source order (JLS 9.7.5).
            List<String> declared = Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::jsonPath)
                    .toList();
            for (CustomResourceDefinitionVersion version : ((CustomResourceDefinition) crd).getSpec().getVersions()) {
                List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
                columns.stream().filter(c -> !declared.contains(c.getJsonPath())).findFirst().ifPresent(c -> {
                    throw new IllegalStateException("printer column " + c.getName() + " (" + c.getJsonPath()
                            + ") is not an @AdditionalPrinterColumn of " + resource.getSimpleName()
                            + ", so it has no declared place; declare it there");
                });
                version.setAdditionalPrinterColumns(columns.stream()
                        .sorted(Comparator.comparingInt(c -> declared.indexOf(c.getJsonPath())))
                        .toList());
            }
            return crd;
        }
    }
}
