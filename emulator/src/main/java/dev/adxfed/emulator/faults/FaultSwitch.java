package dev.adxfed.emulator.faults;

import dev.adxfed.emulator.KustoError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The faults armed on one virtual cluster. Requests consult it before they run: the first armed fault
 * whose pattern matches decides (in the order they were injected); one armed for {@code times} requests
 * disarms after that many. Thread-safe: tests arm it while the cluster serves.
 */
public final class FaultSwitch {

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
    private int hits;

    /** Arms {@code fault}; it applies to requests that arrive from now on. */
    public synchronized FaultSwitch inject(Fault fault) {
        slots.add(new Slot(fault));
        return this;
    }

    /** Disarms every fault and resets the hit count: the cluster behaves again. */
    public synchronized void clear() {
        slots.clear();
        hits = 0;
    }

    /** The faults still armed, in the order they apply. */
    public synchronized List<Armed> armed() {
        return slots.stream().map(s -> new Armed(s.fault, s.remaining, s.hits)).toList();
    }

    /** How many requests and script commands the faults have affected since the last {@link #clear()}, disarmed ones included. */
    public synchronized int hits() {
        return hits;
    }

    /**
     * Applies the first matching request-level fault to a request with this text: throws the error it
     * answers with, or waits out its delay and returns so that the request runs.
     */
    public void beforeRequest(String text, boolean management) {
        Optional<Fault> fault = takeRequestFault(text);
        if (fault.isEmpty()) {
            return;
        }
        Fault f = fault.get();
        switch (f.kind()) {
            case DELAY -> sleep(f);
            case THROTTLE -> throw KustoError.injected(429, f.code(), f.code(), management
                    ? "Kusto.DataNode.Exceptions.ControlCommandThrottledException"
                    : "Kusto.DataNode.Exceptions.QueryThrottledException", f.message(), false);
            case INTERNAL_ERROR -> throw KustoError.injected(f.status(), f.code(), f.code(),
                    "Kusto.Data.Exceptions.KustoServiceException", f.message(), false);
            case KUSTO_ERROR -> throw KustoError.injected(f.status(), f.code(), family(f.code(), f.status()),
                    f.status() < 500 ? "Kusto.Data.Exceptions.KustoBadRequestException" : "Kusto.Data.Exceptions.KustoServiceException",
                    f.message(), f.status() < 500);
            case FAIL_SCRIPT_COMMANDS -> throw new IllegalStateException("script faults are not request faults");
        }
    }

    /**
     * The first armed request-level fault that matches {@code text}, counted as a hit (and disarmed when its
     * count is used up): for a server that answers in its own shape, as the ARM endpoint does.
     */
    public Optional<Fault> takeRequestFault(String text) {
        return take(text, false);
    }

    /** The reason a command of a database script fails, when an armed script fault matches its text. */
    public Optional<String> scriptCommandFailure(String commandText) {
        return take(commandText, true).map(Fault::message);
    }

    private synchronized Optional<Fault> take(String text, boolean scriptCommand) {
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if ((slot.fault.kind() == Fault.Kind.FAIL_SCRIPT_COMMANDS) != scriptCommand || !slot.matches(text)) {
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

    private static void sleep(Fault f) {
        try {
            Thread.sleep(f.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KustoError.internal("the emulator stopped while a delay fault held the request");
        }
    }
}
