package ai.foresight.server.ws;

import ai.foresight.server.ServerConfig;
import ai.foresight.server.core.ApiException;
import ai.foresight.server.core.Deadline;
import ai.foresight.server.core.ModelDescription;
import ai.foresight.server.core.PlanOutcome;
import ai.foresight.server.core.PlanService;
import ai.foresight.server.core.Session;
import ai.foresight.server.http.BearerAuth;
import ai.foresight.server.http.ErrorBody;
import ai.foresight.server.metrics.ServerMetrics;
import io.javalin.Javalin;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The openpi-compatible WebSocket policy endpoint, served at {@code /} (where openpi clients connect) and at
 * {@code /v1/ws}.
 *
 * <p>Protocol: on connect the server sends one binary msgpack map with the model description (as
 * {@code GET /v1/model}, plus {@code "protocol": "openpi"}). Each binary observation message (keys: see
 * {@link ObservationReader}) is answered with a binary map {@code {"actions": (k, A) <f4 ndarray,
 * "planned_rest": (H - k, A) <f4 ndarray, "objective": float, "model_id": str, "server_timing": {"infer_ms",
 * "encode_ms", "plan_ms", "queue_ms"}}}. openpi control messages {@code {"__ctrl__": "episode_start"|"episode_end"}}
 * are acknowledged with {@code {"__ack__": ...}}; {@code episode_start} also drops the warm start. Each connection is
 * one robot: its warm start lives as long as the connection. Errors are sent as a text frame holding the JSON error
 * map and the connection stays open, except that a connection over the limit is closed (1013) after the error.
 */
public final class OpenPiEndpoint {

    private static final Logger LOG = Logger.getLogger(OpenPiEndpoint.class.getName());
    private static final String SESSION = "foresight.session";

    private final ServerConfig config;
    private final PlanService plans;
    private final ServerMetrics metrics;
    private final BearerAuth auth;
    private final MsgpackCodec codec = new MsgpackCodec();
    private final ObservationReader reader;
    private final AtomicInteger connections = new AtomicInteger();

    public OpenPiEndpoint(ServerConfig config, PlanService plans, ServerMetrics metrics) {
        this.config = config;
        this.plans = plans;
        this.metrics = metrics;
        this.auth = config.authEnabled() ? new BearerAuth(config.bearerToken()) : null;
        this.reader = new ObservationReader(plans.info());
        metrics.registerGauge("foresight_ws_connections", "Open WebSocket connections.", connections::get);
    }

    /** Registers the endpoint at {@code /} and {@code /v1/ws}, with token checks before the upgrade. */
    public void install(Javalin app) {
        for (String path : new String[] {"/", "/v1/ws"}) {
            app.wsBeforeUpgrade(path, ctx -> {
                if (auth != null && !auth.accepts(ctx.header("Authorization"))) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw ApiException.unauthorized();
                }
            });
            app.ws(path, this::configure);
        }
    }

    private void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onBinaryMessage(this::observe);
        ws.onMessage(ctx -> sendError(ctx, ApiException.badRequest("binary_expected", "message",
                "expected binary msgpack messages, got a text frame"), System.nanoTime()));
        ws.onClose(ctx -> {
            Session session = ctx.attribute(SESSION);
            if (session != null) {
                session.close();
                connections.decrementAndGet();
            }
        });
        ws.onError(ctx -> LOG.log(Level.FINE, "WebSocket error", ctx.error()));
    }

    private void connect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(config.webSocketIdleTimeout());
        if (connections.incrementAndGet() > config.maxWebSocketConnections()) {
            connections.decrementAndGet();
            sendError(ctx, ApiException.limitReached("too_many_connections", null, "at most "
                    + config.maxWebSocketConnections() + " WebSocket clients may be connected"), System.nanoTime());
            ctx.closeSession(1013, "too many connections");
            return;
        }
        ctx.attribute(SESSION, new Session("ws-" + UUID.randomUUID()));
        Map<String, Object> metadata = new LinkedHashMap<>(ModelDescription.of(plans.info()));
        metadata.put("protocol", "openpi");
        ctx.send(ByteBuffer.wrap(codec.encode(metadata)));
    }

    private void observe(WsBinaryMessageContext ctx) {
        long start = System.nanoTime();
        Session session = ctx.attribute(SESSION);
        try {
            if (session == null) {
                return;
            }
            Object decoded = codec.decode(ctx.data(), ctx.offset(), ctx.length());
            if (!(decoded instanceof Map<?, ?>)) {
                throw ApiException.badRequest("invalid_type", "message", "expected a msgpack map (observation dict)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) decoded;
            Map<String, Object> reply = message.containsKey("__ctrl__") ? control(message, session)
                    : plan(message, session, new Deadline(start, config.requestTimeout().toNanos()));
            ctx.send(ByteBuffer.wrap(codec.encode(reply)));
            metrics.recordWebSocket("ok", (System.nanoTime() - start) / 1e9);
        } catch (ApiException e) {
            sendError(ctx, e, start);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error answering a WebSocket message", e);
            sendError(ctx, ApiException.internal("internal error; see the server log"), start);
        }
    }

    private Map<String, Object> plan(Map<String, Object> message, Session session, Deadline deadline) {
        PlanOutcome outcome = plans.plan(reader.read(message), session, deadline);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("infer_ms", deadline.elapsedMillis());
        timing.put("encode_ms", outcome.encodeMs());
        timing.put("plan_ms", outcome.planMs());
        timing.put("queue_ms", outcome.queueMs());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("actions", NdArray.ofRows(outcome.actions()));
        reply.put("planned_rest", NdArray.ofRows(outcome.plannedRest()));
        reply.put("objective", outcome.objective());
        reply.put("model_id", plans.info().modelId());
        reply.put("server_timing", timing);
        return reply;
    }

    private static Map<String, Object> control(Map<String, Object> message, Session session) {
        Object command = message.get("__ctrl__");
        String ack = "ignored";
        if ("episode_start".equals(command)) {
            session.settle(session.begin(true), null);
            ack = "episode_start";
        } else if ("episode_end".equals(command)) {
            ack = "episode_end";
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("__ack__", ack);
        return reply;
    }

    private void sendError(WsContext ctx, ApiException e, long start) {
        metrics.recordWebSocket(e.code(), (System.nanoTime() - start) / 1e9);
        try {
            ctx.send(ErrorBody.json(e));
        } catch (RuntimeException sendFailure) {
            LOG.log(Level.FINE, "could not send a WebSocket error", sendFailure);
        }
    }
}
