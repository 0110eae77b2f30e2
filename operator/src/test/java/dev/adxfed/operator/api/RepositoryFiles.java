package dev.adxfed.operator.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (deploy/...) from wherever the tests run. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    static Path resolve(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/crds"))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("deploy/crds not found above " + Path.of("").toAbsolutePath());
    }
}
