package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One long-running operation (a cluster made or changed, a database made or deleted): in progress until its
 * work is done, then Succeeded or Failed. Clients poll it at the {@code Azure-AsyncOperation} URL (its status)
 * or the {@code Location} URL (202 until done, then the resource). Guarded by {@link KustoResources}' lock.
 */
final class LongRunningOperation {

    enum Status { InProgress, Succeeded, Failed }

    private final String id;
    private final String subscription;
    private final String location;
    private final String kind;
    private final Instant started;
    private final Instant due;
    private final Supplier<ObjectNode> result;
    private Status status = Status.InProgress;
    private Instant ended;
    private ArmError error;

    /**
     * @param kind   what it does, e.g. ClusterCreateOrUpdate
     * @param due    when its work is planned to be done
     * @param result the resource once done, for the {@code Location} poll; null when it deletes
     */
    LongRunningOperation(String id, String subscription, String location, String kind, Instant started, Instant due,
                         Supplier<ObjectNode> result) {
        this.id = id;
        this.subscription = subscription;
        this.location = location;
        this.kind = kind;
        this.started = started;
        this.due = due;
        this.result = result;
    }

    String id() {
        return id;
    }

    String subscription() {
        return subscription;
    }

    String location() {
        return location;
    }

    Status status() {
        return status;
    }

    ArmError error() {
        return error;
    }

    boolean done() {
        return status != Status.InProgress;
    }

    void succeeded(Instant at) {
        status = Status.Succeeded;
        ended = at;
    }

    void failed(Instant at, ArmError cause) {
        status = Status.Failed;
        ended = at;
        error = cause;
    }

    /** The resource it made or changed, now; null for an operation that deletes. */
    ObjectNode result() {
        return result == null ? null : result.get();
    }

    /** Whole seconds until it is due, at least one while it runs: the {@code Retry-After} its polls answer with. */
    Duration retryAfter(Instant now) {
        long millis = Duration.between(now, due).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    /** The operation status resource that the {@code Azure-AsyncOperation} URL answers. */
    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", "/subscriptions/" + subscription + "/providers/Microsoft.Kusto/locations/" + location
                + "/operationResults/" + id);
        node.put("name", id);
        node.put("status", status.name());
        node.put("startTime", started.toString());
        if (ended != null) {
            node.put("endTime", ended.toString());
        }
        node.put("percentComplete", done() ? 1.0 : 0.0);
        node.putObject("properties").put("operationKind", kind);
        if (error != null) {
            node.putObject("error").put("code", error.code()).put("message", error.getMessage());
        }
        return node;
    }
}
