package ai.foresight.experiments.serve;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.PlanningServer;
import ai.foresight.server.ServerConfig;
import ai.foresight.server.backend.ModelBackend;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.WarmStart;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Latency and throughput of the planning server on loopback, against the plan time of the same backend called
 * in-process in the same run: what serving over HTTP costs a robot.
 *
 * <p>Each concurrency level starts that many robots, each with its own connection and session, all planning toward
 * one registered goal with the model's default settings; each robot sends {@code warmup} untimed requests, then the
 * level's {@code requests} are shared among the robots and timed on the client side (round trip). At one client the
 * HTTP requests alternate with in-process {@link ModelBackend#plan} calls (each with its own warm-start chain), so
 * both see the same machine load; the ratio of their medians is {@code p50_ratio_1_client}. The server listens on
 * 127.0.0.1 only.
 */
public final class ServeBenchmark {
    private ServeBenchmark() {
    }

    /**
     * @param clients  concurrency levels, e.g. 1, 4, 16
     * @param requests timed requests per level (shared among its clients)
     * @param warmup   untimed requests per client before timing (and in-process calls before the first level)
     * @param seed     seed of the robots' frames and proprio
     */
    public record Config(List<Integer> clients, int requests, int warmup, long seed) {
        public Config {
            if (clients == null || clients.isEmpty()) {
                throw new IllegalArgumentException("clients: expected at least one concurrency level");
            }
            for (int c : clients) {
                if (c < 1 || c > 256) {
                    throw new IllegalArgumentException("clients: expected 1..256 per level, got " + c);
                }
            }
            clients = List.copyOf(clients);
            if (requests < 1 || requests > 100_000) {
                throw new IllegalArgumentException("requests: expected 1..100000, got " + requests);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup: expected >= 0, got " + warmup);
            }
        }

        int maxClients() {
            return clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /**
     * One concurrency level.
     *
     * @param clients             concurrent robots
     * @param requests            timed requests sent
     * @param errors              requests not answered 200
     * @param latency             client-side round trips of the successful requests (null when none succeeded)
     * @param serverP50Ms         median of the server's own time per request (arrival to answer)
     * @param queueP50Ms          median time a request waited for the plan worker
     * @param requestsPerSecond   successful requests per second of wall time
     * @param meanBatchSize       mean number of requests the server planned together with each one
     * @param firstError          what the first failed request got, or null
     */
    public record Level(int clients, int requests, int errors, LatencySummary latency, double serverP50Ms,
                       double queueP50Ms, double requestsPerSecond, double meanBatchSize, String firstError) {
    }

    /**
     * @param modelId   the model served
     * @param inProcess {@link ModelBackend#plan} wall time in the same process and run
     * @param levels    one per concurrency level, in the order asked
     */
    public record Result(String modelId, LatencySummary inProcess, List<Level> levels) {

        /** p50 at one client over the in-process p50, or NaN when one client was not measured. */
        public double p50RatioOneClient() {
            return levels.stream().filter(l -> l.clients() == 1 && l.latency() != null).findFirst()
                    .map(l -> l.latency().p50Ms() / inProcess.p50Ms()).orElse(Double.NaN);
        }

        public int errors() {
            return levels.stream().mapToInt(Level::errors).sum();
        }
    }

    /** Runs every level against {@code served}; {@code progress} receives the count of timed requests done. */
    public static Result run(ServableModel served, Config config, IntConsumer progress) throws Exception {
        ModelBackend backend = new ModelBackend(served.model(), served.backendConfig(), served.manager());
        try {
            return measure(backend, config, progress);
        } finally {
            backend.close();
        }
    }

    /** Total timed requests of a run (for progress bars): every level's, plus the in-process calls. */
    public static int totalRequests(Config config) {
        int total = config.requests() * config.clients().size();
        return config.clients().contains(1) ? total + config.requests() : total + 2 * config.requests();
    }

    private static Result measure(ModelBackend backend, Config config, IntConsumer progress) throws Exception {
        ModelInfo info = backend.info();
        BenchScene scene = new BenchScene(info, config.maxClients(), config.seed());
        PlanningServer server = new PlanningServer(backend, loopback(config));
        int port = server.start(0);
        int[] done = {0};
        IntConsumer tick = n -> {
            done[0] += n;
            progress.accept(done[0]);
        };
        try (InProcess local = new InProcess(backend, scene)) {
            String goalId = BenchRobot.registerGoal(port, scene.goalPng(), scene.goalProprio());
            local.plan(config.warmup());
            List<Double> inProcess = new ArrayList<>();
            List<Level> levels = new ArrayList<>();
            for (int clients : config.clients()) {
                levels.add(level(clients, port, goalId, scene, config, clients == 1 ? local : null, inProcess, tick));
            }
            if (inProcess.isEmpty()) {
                for (int i = 0; i < config.requests(); i++) {
                    inProcess.add(local.timedPlan());
                    tick.accept(2);
                }
            }
            double[] ms = inProcess.stream().mapToDouble(Double::doubleValue).toArray();
            return new Result(info.modelId(), LatencySummary.of(ms), levels);
        } finally {
            server.stop();
        }
    }

    private static ServerConfig loopback(Config config) {
        ServerConfig d = ServerConfig.defaults();
        int queue = Math.max(d.queueCapacity(), 2 * config.maxClients());
        return new ServerConfig("127.0.0.1", null, d.maxBodyBytes(), queue, d.maxBatch(), Duration.ofMinutes(5),
                d.sessionTtl(), Math.max(d.maxSessions(), 2 * config.maxClients()), d.goalTtl(), d.maxGoals(),
                d.maxWebSocketConnections(), d.webSocketIdleTimeout());
    }

    private static Level level(int clients, int port, String goalId, BenchScene scene, Config config, InProcess local,
                               List<Double> inProcess, IntConsumer tick) throws Exception {
        Duration timeout = Duration.ofMinutes(5);
        List<BenchRobot> robots = new ArrayList<>();
        for (int r = 0; r < clients; r++) {
            robots.add(new BenchRobot(port, goalId, scene.robotPng(r), scene.robotProprio(r), timeout));
        }
        List<BenchRobot.Outcome> outcomes = new ArrayList<>();
        long start;
        long end;
        if (local != null) { // one client: alternate with in-process plans under the same load
            BenchRobot robot = robots.get(0);
            for (int i = 0; i < config.warmup(); i++) {
                robot.plan();
            }
            start = System.nanoTime();
            double httpNanos = 0;
            for (int i = 0; i < config.requests(); i++) {
                inProcess.add(local.timedPlan());
                BenchRobot.Outcome outcome = robot.plan();
                httpNanos += outcome.millis() * 1e6;
                outcomes.add(outcome);
                tick.accept(2);
            }
            end = start + (long) httpNanos;
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> warm = new ArrayList<>();
                for (BenchRobot robot : robots) {
                    warm.add(pool.submit(() -> {
                        for (int i = 0; i < config.warmup(); i++) {
                            robot.plan();
                        }
                    }));
                }
                for (Future<?> f : warm) {
                    f.get();
                }
                start = System.nanoTime();
                List<Future<List<BenchRobot.Outcome>>> runs = new ArrayList<>();
                for (int r = 0; r < clients; r++) {
                    BenchRobot robot = robots.get(r);
                    int share = config.requests() / clients + (r < config.requests() % clients ? 1 : 0);
                    runs.add(pool.submit(() -> {
                        List<BenchRobot.Outcome> mine = new ArrayList<>(share);
                        for (int i = 0; i < share; i++) {
                            mine.add(robot.plan());
                            tick.accept(1);
                        }
                        return mine;
                    }));
                }
                for (Future<List<BenchRobot.Outcome>> f : runs) {
                    outcomes.addAll(f.get());
                }
                end = System.nanoTime();
            } finally {
                pool.shutdownNow();
            }
        }
        return summarise(clients, outcomes, (end - start) / 1e9);
    }

    private static Level summarise(int clients, List<BenchRobot.Outcome> outcomes, double seconds) {
        double[] ok = outcomes.stream().filter(BenchRobot.Outcome::ok).mapToDouble(BenchRobot.Outcome::millis).toArray();
        int errors = outcomes.size() - ok.length;
        String firstError = outcomes.stream().filter(o -> !o.ok()).map(BenchRobot.Outcome::error).findFirst().orElse(null);
        double batch = outcomes.stream().filter(BenchRobot.Outcome::ok).mapToInt(BenchRobot.Outcome::batchSize)
                .average().orElse(Double.NaN);
        double[] server = outcomes.stream().filter(BenchRobot.Outcome::ok).mapToDouble(BenchRobot.Outcome::serverMs).toArray();
        double[] queue = outcomes.stream().filter(BenchRobot.Outcome::ok).mapToDouble(BenchRobot.Outcome::queueMs).toArray();
        return new Level(clients, outcomes.size(), errors, ok.length == 0 ? null : LatencySummary.of(ok),
                ok.length == 0 ? Double.NaN : LatencySummary.of(server).p50Ms(),
                ok.length == 0 ? Double.NaN : LatencySummary.of(queue).p50Ms(),
                seconds > 0 ? ok.length / seconds : Double.NaN, batch, firstError);
    }

    /** The in-process side: the same backend, one robot's warm-start chain toward the same goal. */
    private static final class InProcess implements AutoCloseable {
        private final ModelBackend backend;
        private final BenchScene scene;
        private final GoalHandle goal;
        private WarmStart warm;

        InProcess(ModelBackend backend, BenchScene scene) {
            this.backend = backend;
            this.scene = scene;
            this.goal = backend.encodeGoal(scene.goalFrame(), scene.goalProprio());
        }

        void plan(int times) {
            for (int i = 0; i < times; i++) {
                timedPlan();
            }
        }

        /** One {@link ModelBackend#plan} call, in milliseconds. */
        double timedPlan() {
            Frame frame = scene.robotFrame(0);
            PlanInput input = new PlanInput(frame, scene.robotProprio(0), new Goal.Registered("bench", goal),
                    backend.info().defaults());
            long start = System.nanoTime();
            PlanResult result = backend.plan(input, warm);
            double ms = (System.nanoTime() - start) / 1e6;
            if (warm != null && warm != result.warmStart()) {
                warm.close();
            }
            warm = result.warmStart();
            return ms;
        }

        @Override
        public void close() throws IOException {
            if (warm != null) {
                warm.close();
            }
            goal.close();
        }
    }
}
