package dev.adxfed.emulator.server;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;

/**
 * A Jetty server on a port of its own, as each virtual cluster and the local Azure Resource Manager have. Keep-alive
 * connections are never closed for being idle: clients such as Microsoft's Node.js SDK keep pooled connections without
 * a timeout of their own, and a server that reaps idle ones races with them (a request sent as the server closes the
 * connection fails with "socket hang up"). The port is bound at once and kept, so that the connector, stopped while an
 * unreachable fault is armed, reopens on the same port.
 *
 * @param endpoint {@code http://host:port} with the port bound
 */
public record HttpPort(Server server, ServerConnector connector, URI endpoint) {

    /** Connections the kernel queues before the server accepts them; a burst of new clients waits rather than fails. */
    private static final int ACCEPT_QUEUE = 1024;

    /**
     * Binds {@code host:port} (0 picks a free port); the server serves once given a handler and started.
     *
     * @param owner      what listens, for the message when the port cannot be bound, e.g. {@code cluster 'hub'}
     * @param threads    the name of its request threads
     * @param maxThreads how many requests it answers at once
     */
    public static HttpPort bind(String owner, String threads, int maxThreads, String host, int port) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 2);
        pool.setName(threads);
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        Server server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(0);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            // Jetty says "Failed to bind to ..."; the cause says why.
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IOException(owner + " cannot listen on " + host + ":" + port + " (" + reason + "); choose another port", e);
        }
        connector.setPort(connector.getLocalPort());
        return new HttpPort(server, connector, URI.create("http://" + host + ":" + connector.getLocalPort()));
    }
}
