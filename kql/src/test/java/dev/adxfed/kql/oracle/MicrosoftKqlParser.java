package dev.adxfed.kql.oracle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Microsoft's Kusto.Language parser ({@code @kusto/language-service-next}) run under node: the
 * oracle every KQL text in the tests is checked against. One node process per batch, because
 * loading the parser costs about a second.
 */
public final class MicrosoftKqlParser {

    public record Diagnostic(String message, String severity, int start, int length) {}

    public record Verdict(boolean valid, List<Diagnostic> diagnostics) {
        public String describe() {
            return diagnostics.stream().map(d -> d.start() + ": " + d.message()).toList().toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Below this many texts per process, a second node start (about 3 s) costs more than it saves. */
    private static final int TEXTS_PER_PROCESS = 40;

    private MicrosoftKqlParser() {}

    public static Verdict check(String text) {
        return check(List.of(text)).get(0);
    }

    /**
     * Checks the texts in one node process per core when there are many: Microsoft's parser needs
     * 0.1 to 0.5 s for each management command, so a large batch is worth spreading. Texts are dealt
     * out in turn rather than in blocks, so that a run of commands does not land in one process.
     */
    public static List<Verdict> check(List<String> texts) {
        int processes = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), texts.size() / TEXTS_PER_PROCESS));
        if (processes == 1) {
            return checkInOneProcess(texts);
        }
        List<CompletableFuture<List<Verdict>>> parts = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            List<String> part = new ArrayList<>();
            for (int i = p; i < texts.size(); i += processes) {
                part.add(texts.get(i));
            }
            parts.add(CompletableFuture.supplyAsync(() -> checkInOneProcess(part)));
        }
        List<List<Verdict>> results = new ArrayList<>();
        for (CompletableFuture<List<Verdict>> part : parts) {
            try {
                results.add(part.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        List<Verdict> verdicts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            verdicts.add(results.get(i % processes).get(i / processes));
        }
        return verdicts;
    }

    private static List<Verdict> checkInOneProcess(List<String> texts) {
        Path dir = oracleDir();
        try {
            Process node = new ProcessBuilder("node", dir.resolve("check.js").toString())
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (var in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(texts));
            }
            byte[] out = node.getInputStream().readAllBytes();
            int exit = node.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the KQL oracle (node check.js) exited with " + exit
                        + ": " + new String(out, StandardCharsets.UTF_8));
            }
            return JSON.readValue(out, new TypeReference<List<Verdict>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the KQL oracle in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path oracleDir() {
        String configured = System.getProperty("kql.oracle.dir");
        Path dir = configured != null ? Path.of(configured) : findUpwards();
        if (!Files.isDirectory(dir.resolve("node_modules/@kusto/language-service-next"))) {
            throw new IllegalStateException("Microsoft's KQL parser is not installed in " + dir
                    + ": run tools/kql-oracle/install.sh (the Maven build does it before the tests)");
        }
        return dir;
    }

    private static Path findUpwards() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("tools/kql-oracle");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/kql-oracle not found above " + Path.of("").toAbsolutePath());
    }
}
