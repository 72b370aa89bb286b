package ai.foresight.server.http;

import ai.foresight.server.ServerConfig;
import ai.foresight.server.core.ApiException;
import ai.foresight.server.core.Deadline;
import ai.foresight.server.core.ModelDescription;
import ai.foresight.server.core.PlanExecutor;
import ai.foresight.server.core.PlanOutcome;
import ai.foresight.server.core.PlanService;
import ai.foresight.server.core.Session;
import ai.foresight.server.core.SessionRegistry;
import ai.foresight.server.core.GoalRegistry;
import ai.foresight.server.metrics.ServerMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP routes of the planning server and their error handling.
 *
 * <pre>
 * GET    /healthz              liveness, never needs a token
 * GET    /v1/model             image size, action bounds, frameskip, chunk size, planner defaults and limits
 * GET    /metrics              Prometheus text
 * POST   /v1/plan              observation (+ goal or goal_id, session_id, settings) -> action chunk
 * POST   /v1/goals             encode a goal once -> goal_id
 * DELETE /v1/goals/{id}
 * POST   /v1/sessions          -> session_id (per-robot warm start)
 * DELETE /v1/sessions/{id}
 * </pre>
 */
public final class HttpApi {

    private static final Logger LOG = Logger.getLogger(HttpApi.class.getName());
    private static final String START_ATTRIBUTE = "foresight.start";
    /** Excess body drained before answering 413, so that the client finishes sending and can read the answer. */
    private static final long DRAIN_FACTOR = 4;

    private final ServerConfig config;
    private final PlanService plans;
    private final SessionRegistry sessions;
    private final GoalRegistry goals;
    private final PlanExecutor executor;
    private final ServerMetrics metrics;
    private final JsonRequestReader reader;
    private final BearerAuth auth;
    private final ObjectMapper mapper = new ObjectMapper();

    public HttpApi(ServerConfig config, PlanService plans, SessionRegistry sessions, GoalRegistry goals,
                   PlanExecutor executor, ServerMetrics metrics) {
        this.config = config;
        this.plans = plans;
        this.sessions = sessions;
        this.goals = goals;
        this.executor = executor;
        this.metrics = metrics;
        this.reader = new JsonRequestReader(plans.info());
        this.auth = config.authEnabled() ? new BearerAuth(config.bearerToken()) : null;
    }

    /** Registers routes, authentication, metrics and exception handlers on {@code app}. */
    public void install(Javalin app) {
        app.before(this::authenticate);
        app.after(this::record);
        app.exception(ApiException.class, (e, ctx) -> writeError(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, fromJavalin(e)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "unhandled error on " + ctx.method() + " " + ctx.path(), e);
            writeError(ctx, ApiException.internal("internal error; see the server log"));
        });
        app.get("/healthz", ctx -> json(ctx, 200, Map.of("status", "ok", "model_id", plans.info().modelId(),
                "queue_depth", executor.queueDepth())));
        app.get("/v1/model", ctx -> json(ctx, 200, ModelDescription.of(plans.info())));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render()));
        app.post("/v1/plan", this::plan);
        app.post("/v1/goals", this::registerGoal);
        app.delete("/v1/goals/{id}", ctx -> {
            goals.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        app.post("/v1/sessions", this::createSession);
        app.delete("/v1/sessions/{id}", ctx -> {
            sessions.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void authenticate(Context ctx) {
        ctx.attribute(START_ATTRIBUTE, System.nanoTime());
        if (auth != null && !ctx.path().equals("/healthz") && !auth.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.unauthorized();
        }
    }

    private void plan(Context ctx) {
        Deadline deadline = deadlineFrom(ctx);
        JsonRequestReader.ParsedPlan parsed = reader.readPlan(reader.parseObject(readBody(ctx), false));
        Session session = parsed.sessionId() == null ? null : sessions.get(parsed.sessionId());
        PlanOutcome outcome = plans.plan(parsed.request(), session, deadline);
        ObjectNode out = mapper.createObjectNode();
        out.put("model_id", plans.info().modelId());
        out.set("actions", rows(outcome.actions()));
        out.set("planned_rest", rows(outcome.plannedRest()));
        out.put("objective", outcome.objective());
        if (session != null) {
            out.put("session_id", session.id());
        }
        out.set("settings", mapper.valueToTree(ModelDescription.settings(outcome.settings())));
        out.put("batch_size", outcome.batchSize());
        ObjectNode timing = out.putObject("timing");
        timing.put("encode_ms", outcome.encodeMs());
        timing.put("plan_ms", outcome.planMs());
        timing.put("queue_ms", outcome.queueMs());
        timing.put("total_ms", deadline.elapsedMillis());
        json(ctx, 200, out);
    }

    private void registerGoal(Context ctx) {
        Deadline deadline = deadlineFrom(ctx);
        JsonRequestReader.GoalObservation goal = reader.readObservation(reader.parseObject(readBody(ctx), false));
        String id = plans.registerGoal(goal.frame(), goal.proprio(), deadline);
        json(ctx, 201, Map.of("goal_id", id));
    }

    private void createSession(Context ctx) {
        reader.parseObject(readBody(ctx), true).allowOnly(java.util.Set.of());
        Session session = sessions.create();
        json(ctx, 201, Map.of("session_id", session.id(), "ttl_seconds", sessions.ttl().toMillis() / 1000.0));
    }

    private Deadline deadlineFrom(Context ctx) {
        Long start = ctx.attribute(START_ATTRIBUTE);
        return new Deadline(start == null ? System.nanoTime() : start, config.requestTimeout().toNanos());
    }

    /** Reads the body with the size limit enforced while reading (a missing or lying Content-Length is no escape). */
    private byte[] readBody(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("expected application/json, got " + truncate(type));
        }
        long limit = config.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > limit) {
                drain(in, declared <= limit * DRAIN_FACTOR ? declared : 0);
                throw ApiException.tooLarge(limit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, limit)));
            byte[] buffer = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    drain(in, limit * DRAIN_FACTOR);
                    throw ApiException.tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "body", "could not read the request body");
        }
    }

    private static void drain(InputStream in, long upTo) throws IOException {
        byte[] sink = new byte[16384];
        long left = upTo;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private ArrayNode rows(float[][] values) {
        ArrayNode out = mapper.createArrayNode();
        for (float[] row : values) {
            ArrayNode r = out.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
        return out;
    }

    private void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private void writeError(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.status(e.status()).contentType("application/json").result(ErrorBody.json(e));
    }

    private ApiException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound("not_found", null, "no such route");
            case 405 -> ApiException.withStatus(405, "method_not_allowed", "method not allowed on this route");
            case 413 -> ApiException.tooLarge(config.maxBodyBytes());
            default -> e.getStatus() >= 500 ? ApiException.internal("internal error")
                    : ApiException.withStatus(e.getStatus(), "http_" + e.getStatus(), "request rejected");
        };
    }

    private void record(Context ctx) {
        Long start = ctx.attribute(START_ATTRIBUTE);
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        if (route == null || !route.startsWith("/")) {
            route = "unmatched";
        }
        metrics.recordHttp(ctx.method().name(), route, ctx.res().getStatus(), seconds);
    }

    private static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
