package ai.foresight.experiments.cli;

import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.serve.LatencySummary;
import ai.foresight.experiments.serve.ServableModel;
import ai.foresight.experiments.serve.ServeBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight bench serve}: p50/p99 latency and throughput of the planning server on loopback at several
 * concurrency levels, next to the in-process plan time of the same model measured in the same run. Goals: at one
 * client the HTTP p50 within {@value #RATIO_GOAL}x of the in-process p50; no errors at any level.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Latency and throughput of 'foresight serve' on 127.0.0.1 against the in-process plan time.")
public final class BenchServeCommand extends JobCommand {
    /** The largest acceptable p50 at one client over the in-process p50. */
    static final double RATIO_GOAL = 1.2;

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "tiny",
            description = "Model directory, or an untrained architecture: tiny, wall (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--clients", paramLabel = "N,N,...", split = ",", defaultValue = "1,4,16",
            description = "Concurrent robots per level (default: ${DEFAULT-VALUE}).")
    private List<Integer> clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "64",
            description = "Timed requests per level, shared among its robots, 1..10000 (default: ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed requests per robot before each level (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the robots' frames (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.json and config.json here.")
    private Path out;

    @Override
    protected void validate() {
        for (int c : clients) {
            if (c < 1 || c > 64) {
                throw badFlag("--clients", "1..64 robots per level", c);
            }
        }
        if (requests < 1 || requests > 10_000) {
            throw badFlag("--requests", "1..10000", requests);
        }
        requireAtLeast("--warmup", warmup, 0);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        ServeBenchmark.Config config = new ServeBenchmark.Config(clients, requests, warmup, seed);
        ServeBenchmark.Result result;
        try (ServableModel served = ServableModel.open(model)) {
            console.say("model %s", served.model().summary());
            result = Progress.track(console, "bench serve", ServeBenchmark.totalRequests(config), "requests",
                    progress -> ServeBenchmark.run(served, config, progress));
        }
        LatencySummary local = result.inProcess();
        console.say("in-process plan: p50 %.2f ms, p99 %.2f ms (%d calls)", local.p50Ms(), local.p99Ms(), local.count());
        console.say("%8s %9s %7s %9s %9s %11s %10s %9s %11s", "clients", "requests", "errors", "p50 ms", "p99 ms",
                "server p50", "queue p50", "req/s", "mean batch");
        List<Map<String, Object>> levels = new ArrayList<>();
        for (ServeBenchmark.Level level : result.levels()) {
            LatencySummary l = level.latency();
            console.say("%8d %9d %7d %9.2f %9.2f %11.2f %10.2f %9.1f %11.2f", level.clients(), level.requests(),
                    level.errors(), l == null ? Double.NaN : l.p50Ms(), l == null ? Double.NaN : l.p99Ms(),
                    level.serverP50Ms(), level.queueP50Ms(), level.requestsPerSecond(), level.meanBatchSize());
            if (level.firstError() != null) {
                console.warn("%d clients: %d requests failed, the first with %s", level.clients(), level.errors(),
                        level.firstError());
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("clients", level.clients());
            figures.put("requests", level.requests());
            figures.put("errors", level.errors());
            figures.put("p50_ms", l == null ? null : l.p50Ms());
            figures.put("p99_ms", l == null ? null : l.p99Ms());
            figures.put("mean_ms", l == null ? null : l.meanMs());
            figures.put("server_p50_ms", Double.isNaN(level.serverP50Ms()) ? null : level.serverP50Ms());
            figures.put("queue_p50_ms", Double.isNaN(level.queueP50Ms()) ? null : level.queueP50Ms());
            figures.put("requests_per_second", level.requestsPerSecond());
            figures.put("mean_batch_size", level.meanBatchSize());
            levels.add(figures);
        }
        double ratio = result.p50RatioOneClient();
        boolean ratioMet = ratio <= RATIO_GOAL;
        if (!Double.isNaN(ratio)) {
            console.say("p50 at 1 client / in-process p50: %.3f (goal <= %.1f: %s)", ratio, RATIO_GOAL,
                    ratioMet ? "met" : "NOT met");
        }
        console.say("errors: %d (goal 0: %s)", result.errors(), result.errors() == 0 ? "met" : "NOT met");
        return new JobResult()
                .put("model_id", result.modelId())
                .put("in_process_p50_ms", local.p50Ms())
                .put("in_process_p99_ms", local.p99Ms())
                .put("levels", levels)
                .put("p50_ratio_1_client", Double.isNaN(ratio) ? null : ratio)
                .put("p50_ratio_goal_met", Double.isNaN(ratio) ? null : ratioMet)
                .put("errors", result.errors())
                .put("requests_per_level", requests);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
