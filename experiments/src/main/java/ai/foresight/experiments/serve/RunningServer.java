package ai.foresight.experiments.serve;

import ai.foresight.server.PlanningServer;
import ai.foresight.server.ServerConfig;
import ai.foresight.server.backend.ModelBackend;
import java.util.concurrent.CountDownLatch;

/**
 * A planning server serving one model until asked to stop: owns the backend built on the model and the server in
 * front of it, and stops them in order (server first, so queued requests are answered 503 and sessions and goals are
 * released, then the backend, then the model). {@link #requestStop()} is safe from any thread, a shutdown hook
 * included; {@link #awaitStop()} returns once the server is stopped and the backend freed.
 */
public final class RunningServer implements AutoCloseable {
    private final ServableModel model;
    private final ModelBackend backend;
    private final PlanningServer server;
    private final int port;
    private final long startedNanos = System.nanoTime();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private long answered;
    private long failed;
    private boolean closed;

    private RunningServer(ServableModel model, ModelBackend backend, PlanningServer server, int port) {
        this.model = model;
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    /**
     * Builds the backend and starts the server; on failure closes what it built (the model stays with the caller).
     *
     * @param port TCP port, 0 for a free one
     */
    public static RunningServer start(ServableModel model, ServerConfig config, int port) {
        ModelBackend backend = new ModelBackend(model.model(), model.backendConfig(), model.manager());
        try {
            PlanningServer server = new PlanningServer(backend, config);
            return new RunningServer(model, backend, server, server.start(port));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, with a loopback address in place of the wildcard so the URL can be opened. */
    public String url() {
        String host = server.config().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public ModelBackend backend() {
        return backend;
    }

    public ServerConfig config() {
        return server.config();
    }

    /** Asks the thread in {@link #awaitStop()} to stop the server; returns at once. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Blocks until {@link #requestStop()}, then stops and closes everything. */
    public void awaitStop() throws InterruptedException {
        stopRequested.await();
        close();
    }

    /** Successful (200) and failed (4xx/5xx) HTTP answers, counted when the server stopped (or now). */
    public synchronized long[] answeredAndFailed() {
        if (!closed) {
            count();
        }
        return new long[] {answered, failed};
    }

    private void count() {
        var metrics = server.metrics();
        answered = metrics.httpCount(200);
        failed = 0;
        for (int status = 400; status < 600; status++) {
            failed += metrics.httpCount(status);
        }
    }

    public double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Stops the server, then frees the backend; idempotent. The model stays open for its owner. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            server.stop();
            count();
        } finally {
            closed = true;
            backend.close();
            stopRequested.countDown();
        }
    }

    @Override
    public String toString() {
        return "RunningServer[" + model.model().modelId() + " at " + url() + "]";
    }
}
