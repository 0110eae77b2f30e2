package dev.adxfed.operator.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (deploy/, docs/, README.md) from wherever the tests run. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path path(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("adxfed")) && Files.isDirectory(p.resolve("deploy"))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("the repository root (with adxfed and deploy/) is not above " + Path.of("").toAbsolutePath());
    }
}
