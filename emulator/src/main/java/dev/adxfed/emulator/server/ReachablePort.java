package dev.adxfed.emulator.server;

import dev.adxfed.emulator.faults.FaultSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * An {@link HttpPort} that follows its fault switch's {@link dev.adxfed.emulator.faults.Fault#unreachable() unreachable}
 * faults: closed (connections refused, open ones dropped) while one is armed, reopened on the same port when they are
 * cleared. A fault armed by a request to this very port takes effect once that request is answered, so that the
 * answer still reaches the client that armed it.
 */
public final class ReachablePort {

    private static final Logger LOG = LoggerFactory.getLogger(ReachablePort.class);
    /** The port whose request the current thread is answering. */
    private static final ThreadLocal<ReachablePort> ANSWERING = new ThreadLocal<>();

    private final HttpPort port;
    private final FaultSwitch faults;
    private final String owner;
    private volatile boolean changeAfterAnswer;

    /** @param owner what listens, for the log, e.g. {@code cluster 'hub'} */
    public ReachablePort(HttpPort port, FaultSwitch faults, String owner) {
        this.port = port;
        this.faults = faults;
        this.owner = owner;
        faults.onReachabilityChange(this::changed);
    }

    /** Computes an answer to a request on this port; a reachability change it causes waits for {@link #answered()}. */
    public <T> T answering(Supplier<T> answer) {
        ANSWERING.set(this);
        try {
            return answer.get();
        } finally {
            ANSWERING.remove();
        }
    }

    /** The answer is written: applies the change it put off, on another thread than the one that wrote it. */
    public void answered() {
        if (changeAfterAnswer) {
            changeAfterAnswer = false;
            port.server().getThreadPool().execute(this::follow);
        }
    }

    private void changed() {
        if (ANSWERING.get() == this) {
            changeAfterAnswer = true;
        } else {
            follow();
        }
    }

    /** Opens or closes the port as the faults say; nothing while the server is not serving. */
    public synchronized void follow() {
        if (!port.server().isStarted()) {
            return;
        }
        boolean down = faults.unreachable();
        try {
            if (down && port.connector().isStarted()) {
                port.connector().stop();
                LOG.info("{} is down (unreachable fault): {} refuses connections", owner, port.endpoint());
            } else if (!down && !port.connector().isStarted()) {
                port.connector().start();
                LOG.info("{} is back: {} accepts connections again", owner, port.endpoint());
            }
        } catch (Exception e) {
            throw new IllegalStateException(owner + " could not " + (down ? "close" : "reopen") + " its port "
                    + port.endpoint().getPort() + ": " + e.getMessage(), e);
        }
    }
}
