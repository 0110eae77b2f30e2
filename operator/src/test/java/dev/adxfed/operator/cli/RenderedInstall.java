package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One kustomization of deploy/ as {@code kubectl kustomize} renders it, which is what {@code kubectl apply -k}
 * sends: the objects by {@code Kind/name}. The build installs kubectl (tools/kubectl) and names it in the
 * system property {@code kubectl}.
 */
record RenderedInstall(String dir, Map<String, JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static RenderedInstall of(String dir) {
        String kubectl = System.getProperty("kubectl", "kubectl");
        Path root = RepositoryRoot.path(dir);
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", root.toString()).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            Map<String, JsonNode> objects = new TreeMap<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
                for (JsonNode doc : docs.readAll()) {
                    String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                    if (objects.put(key, doc) != null) {
                        throw new AssertionError(dir + " renders " + key + " twice");
                    }
                }
            }
            return new RenderedInstall(dir, objects);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " (the build installs it with tools/kubectl/install.sh;"
                    + " or set -Dkubectl=PATH to a kubectl with kustomize v4 or later): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode object(String kindAndName) {
        JsonNode object = objects.get(kindAndName);
        if (object == null) {
            throw new AssertionError(dir + " has no " + kindAndName + "; it has " + objects.keySet());
        }
        return object;
    }

    Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        objects.keySet().forEach(k -> kinds.add(k.substring(0, k.indexOf('/'))));
        return kinds;
    }

    Collection<JsonNode> all() {
        return objects.values();
    }

    JsonNode deployment() {
        return object("Deployment/adxfed-operator");
    }

    JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }
}
