package ai.foresight.server;

import ai.foresight.server.core.GoalRegistry;
import ai.foresight.server.core.PlanExecutor;
import ai.foresight.server.core.PlanService;
import ai.foresight.server.core.SessionRegistry;
import ai.foresight.server.http.HttpApi;
import ai.foresight.server.http.JsonErrorHandler;
import ai.foresight.server.metrics.ServerMetrics;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanningBackend;
import ai.foresight.server.ws.OpenPiEndpoint;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one {@link PlanningBackend} to many robots over HTTP/JSON and an openpi-compatible WebSocket.
 *
 * <pre>{@code
 * PlanningServer server = new PlanningServer(backend, ServerConfig.defaults().withBearerToken(token));
 * int port = server.start(8000);   // 0 picks a free port
 * ...
 * server.stop();
 * }</pre>
 *
 * <p>The server does not own the backend: {@link #stop()} closes the server's sessions and goals (so the backend's
 * warm starts and goal handles are released) but leaves the backend itself to its owner.
 */
public final class PlanningServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PlanningServer.class.getName());

    private final PlanningBackend backend;
    private final ServerConfig config;
    private final ModelInfo info;
    private ServerMetrics metrics;
    private PlanExecutor executor;
    private SessionRegistry sessions;
    private GoalRegistry goals;
    private ScheduledExecutorService sweeper;
    private Javalin app;

    public PlanningServer(PlanningBackend backend, ServerConfig config) {
        if (backend == null || config == null) {
            throw new IllegalArgumentException("backend and config: expected both, got " + backend + ", " + config);
        }
        this.backend = backend;
        this.config = config;
        this.info = backend.info();
        if (info == null) {
            throw new IllegalArgumentException("backend.info(): expected model info, got null");
        }
    }

    /**
     * Binds and starts serving.
     *
     * @param port TCP port, or 0 for a free one
     * @return the port actually bound
     * @throws IllegalStateException when already started
     */
    public synchronized int start(int port) {
        if (app != null) {
            throw new IllegalStateException("server already started on port " + app.port());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: expected 0..65535, got " + port);
        }
        metrics = new ServerMetrics();
        executor = new PlanExecutor(backend, config.queueCapacity(), config.maxBatch(), metrics);
        sessions = new SessionRegistry(config.sessionTtl(), config.maxSessions());
        goals = new GoalRegistry(config.goalTtl(), config.maxGoals());
        metrics.registerGauge("foresight_plan_queue_depth", "Requests waiting for the backend.", executor::queueDepth);
        metrics.registerGauge("foresight_sessions_active", "Open HTTP sessions.", sessions::size);
        metrics.registerGauge("foresight_goals_registered", "Registered goals.", goals::size);
        PlanService plans = new PlanService(info, executor, goals);
        HttpApi http = new HttpApi(config, plans, sessions, goals, executor, metrics);
        OpenPiEndpoint ws = new OpenPiEndpoint(config, plans, metrics);
        Javalin created = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxBinaryMessageSize(config.maxBodyBytes());
                factory.setMaxTextMessageSize(64 * 1024);
                factory.setIdleTimeout(config.webSocketIdleTimeout());
            });
        });
        http.install(created);
        ws.install(created);
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "foresight-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long sweepMillis = sweepInterval(config).toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        try {
            created.start(config.host(), port);
        } catch (RuntimeException e) {
            app = created;
            stop();
            throw e;
        }
        app = created;
        LOG.info(() -> "planning server for " + info.modelId() + " on " + config.host() + ":" + created.port() + " "
                + config);
        return created.port();
    }

    /** Stops serving, fails queued requests with 503 and closes all sessions and goals. Idempotent. */
    public synchronized void stop() {
        if (app == null) {
            return;
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping the HTTP server failed", e);
        }
        sweeper.shutdownNow();
        executor.close();
        sessions.closeAll();
        goals.closeAll();
        app = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port. @throws IllegalStateException when not started */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("server not started");
        }
        return app.port();
    }

    /** The metrics of the current (or last) run; null before the first start. */
    public synchronized ServerMetrics metrics() {
        return metrics;
    }

    public ServerConfig config() {
        return config;
    }

    private void sweep() {
        try {
            sessions.evictIdle();
            goals.evictIdle();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session sweep failed", e);
        }
    }

    /** A quarter of the shorter TTL, between 10 ms and 30 s: expired state is freed within ~1.25 TTL. */
    static Duration sweepInterval(ServerConfig config) {
        Duration shortest = config.sessionTtl().compareTo(config.goalTtl()) < 0 ? config.sessionTtl()
                : config.goalTtl();
        long quarter = shortest.toMillis() / 4;
        return Duration.ofMillis(Math.max(10, Math.min(30_000, quarter)));
    }
}
