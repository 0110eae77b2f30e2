package dev.adxfed.emulator.faults;

import dev.adxfed.emulator.KustoError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The faults armed on one virtual cluster. Requests consult it before they run, over HTTP and as cross-cluster
 * calls from the other clusters of the process alike: the first armed fault whose pattern matches decides (in
 * the order they were injected); one armed for {@code times} requests disarms after that many. An
 * {@link Fault.Kind#UNREACHABLE} fault takes the cluster down as a whole: its server closes its port while one is
 * armed. Thread-safe: tests arm it while the cluster serves.
 */
public final class FaultSwitch {

    /** A cross-cluster call to a cluster that is down, or that did not answer within the caller's timeout. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    /** An armed fault and what it has done so far; {@code remaining} is null for a fault without a count. */
    public record Armed(Fault fault, Integer remaining, int hits) {}

    private static final class Slot {
        final Fault fault;
        final Pattern pattern;
        Integer remaining;
        int hits;

        Slot(Fault fault) {
            this.fault = fault;
            this.pattern = fault.match() == null ? null : Pattern.compile(fault.match());
            this.remaining = fault.times();
        }

        boolean matches(String text) {
            return pattern == null || pattern.matcher(text).find();
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final List<Runnable> reachabilityListeners = new CopyOnWriteArrayList<>();
    private int hits;

    /**
     * Arms {@code fault}; it applies to requests that arrive from now on. An unreachable fault has closed the
     * cluster's port by the time this returns.
     */
    public FaultSwitch inject(Fault fault) {
        boolean wasUnreachable;
        synchronized (this) {
            wasUnreachable = unreachable();
            slots.add(new Slot(fault));
        }
        if (!wasUnreachable && fault.kind() == Fault.Kind.UNREACHABLE) {
            reachabilityListeners.forEach(Runnable::run);
        }
        return this;
    }

    /** Disarms every fault and resets the hit count: the cluster behaves again, its port open if it was down. */
    public void clear() {
        boolean wasUnreachable;
        synchronized (this) {
            wasUnreachable = unreachable();
            slots.clear();
            hits = 0;
        }
        if (wasUnreachable) {
            reachabilityListeners.forEach(Runnable::run);
        }
    }

    /** Whether an unreachable fault is armed: the cluster is down. */
    public synchronized boolean unreachable() {
        return slots.stream().anyMatch(s -> s.fault.kind() == Fault.Kind.UNREACHABLE);
    }

    /** Runs {@code listener} after the cluster went down or came back; its server closes or reopens its port. */
    public void onReachabilityChange(Runnable listener) {
        reachabilityListeners.add(listener);
    }

    /** The faults still armed, in the order they apply. */
    public synchronized List<Armed> armed() {
        return slots.stream().map(s -> new Armed(s.fault, s.remaining, s.hits)).toList();
    }

    /**
     * How many requests, script commands and cross-cluster calls the faults have affected since the last {@link #clear()},
     * disarmed ones included. Connections an unreachable cluster refused are not counted: nothing is listening.
     */
    public synchronized int hits() {
        return hits;
    }

    /**
     * Applies the first matching request-level fault to a request with this text: throws the error it
     * answers with, or waits out its delay and returns so that the request runs.
     */
    public void beforeRequest(String text, boolean management) {
        takeRequestFault(text).ifPresent(f -> apply(f, management));
    }

    private static void apply(Fault f, boolean management) {
        switch (f.kind()) {
            case DELAY -> sleep(f.delay());
            case THROTTLE -> throw KustoError.injected(429, f.code(), f.code(), management
                    ? "Kusto.DataNode.Exceptions.ControlCommandThrottledException"
                    : "Kusto.DataNode.Exceptions.QueryThrottledException", f.message(), false);
            case INTERNAL_ERROR -> throw KustoError.injected(f.status(), f.code(), f.code(),
                    "Kusto.Data.Exceptions.KustoServiceException", f.message(), false);
            case KUSTO_ERROR -> throw KustoError.injected(f.status(), f.code(), family(f.code(), f.status()),
                    f.status() < 500 ? "Kusto.Data.Exceptions.KustoBadRequestException" : "Kusto.Data.Exceptions.KustoServiceException",
                    f.message(), f.status() < 500);
            case FAIL_SCRIPT_COMMANDS, UNREACHABLE -> throw new IllegalStateException(f.kind().jsonName() + " faults are not request faults");
        }
    }

    /**
     * The first armed request-level fault that matches {@code text}, counted as a hit (and disarmed when its
     * count is used up): for a server that answers in its own shape, as the ARM endpoint does.
     */
    public Optional<Fault> takeRequestFault(String text) {
        return take(text, false);
    }

    /**
     * Applies the faults to a cross-cluster call from another virtual cluster of this process, as they apply to a
     * request over HTTP: {@code text} is what the caller would send (the table or function it reads). Throws
     * {@link Unreachable} while the cluster is down, or after {@code timeout} when a delay is longer, as a caller
     * over HTTP gives up; otherwise throws the error an error fault answers with, or waits out a delay.
     */
    public void beforeCrossClusterCall(String text, Duration timeout) {
        Optional<Fault> down = takeUnreachable();
        if (down.isPresent()) {
            throw new Unreachable(down.get().message());
        }
        Optional<Fault> fault = take(text, false);
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY && fault.get().delay().compareTo(timeout) > 0) {
            sleep(timeout);
            throw new Unreachable("no answer within " + timeout.toSeconds() + " s (an injected delay of "
                    + fault.get().delay().toMillis() + " ms)");
        }
        fault.ifPresent(f -> apply(f, false));
    }

    /** The reason a command of a database script fails, when an armed script fault matches its text. */
    public Optional<String> scriptCommandFailure(String commandText) {
        return take(commandText, true).map(Fault::message);
    }

    private synchronized Optional<Fault> takeUnreachable() {
        for (Slot slot : slots) {
            if (slot.fault.kind() == Fault.Kind.UNREACHABLE) {
                slot.hits++;
                hits++;
                return Optional.of(slot.fault);
            }
        }
        return Optional.empty();
    }

    /** Takes the first request fault (or script fault) matching {@code text}; unreachable ones close the port instead. */
    private synchronized Optional<Fault> take(String text, boolean scriptCommand) {
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.fault.kind() == Fault.Kind.UNREACHABLE
                    || (slot.fault.kind() == Fault.Kind.FAIL_SCRIPT_COMMANDS) != scriptCommand || !slot.matches(text)) {
                continue;
            }
            slot.hits++;
            hits++;
            if (slot.remaining != null && --slot.remaining == 0) {
                slots.remove(i);
            }
            return Optional.of(slot.fault);
        }
        return Optional.empty();
    }

    /** Kusto's error family for a specific code: SEM0100 is a semantic error, SYN0002 a syntax error. */
    private static String family(String code, int status) {
        if (code.startsWith("SEM")) {
            return "BadRequest_SemanticError";
        }
        if (code.startsWith("SYN")) {
            return "BadRequest_SyntaxError";
        }
        return code.contains("_") || status >= 500 ? code : "BadRequest_" + code;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KustoError.internal("the emulator stopped while a delay fault held the request");
        }
    }
}
