package ai.foresight.experiments.cli;

import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.serve.RunningServer;
import ai.foresight.experiments.serve.ServableModel;
import ai.foresight.experiments.serve.ServeSummary;
import ai.foresight.experiments.serve.TokenFile;
import ai.foresight.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code foresight serve}: serves one model to robots over HTTP/JSON and the openpi WebSocket until Ctrl-C (or
 * SIGTERM), then stops cleanly: queued requests are answered 503, sessions and goals are freed, the model is closed.
 * Under {@code --json} the summary line is printed as the server stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a trained model's planner over HTTP and WebSocket (Ctrl-C stops).")
public final class ServeCommand extends JobCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model directory from 'foresight train', or an untrained architecture for smoke tests: tiny, wall.")
    private String model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Interface to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the token clients must send (Authorization: Bearer or Api-Key); none: no auth.")
    private Path tokenFile;

    private String token;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile RunningServer running;

    @Override
    protected void validate() {
        if (port < 0 || port > 65535) {
            throw badFlag("--port", "0..65535", port);
        }
        if (host.isBlank()) {
            throw badFlag("--host", "an interface address such as 127.0.0.1 or 0.0.0.0", "''");
        }
        if (tokenFile != null) {
            try {
                token = TokenFile.read(tokenFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        try {
            return serve(console);
        } finally {
            finished.countDown();
        }
    }

    private JobResult serve(JobConsole console) throws Exception {
        if (tokenFile != null && TokenFile.readableByOthers(tokenFile)) {
            console.warn("%s is readable by other users; 'chmod 600 %s' keeps the token private", tokenFile, tokenFile);
        }
        if (token == null && !ServeSummary.isLoopback(host)) {
            console.warn("listening on %s without --token-file: anyone who reaches this port can plan", host);
        }
        try (ServableModel served = ServableModel.open(model)) {
            ServerConfig defaults = ServerConfig.defaults();
            ServerConfig config = new ServerConfig(host, token, defaults.maxBodyBytes(), defaults.queueCapacity(),
                    defaults.maxBatch(), defaults.requestTimeout(), defaults.sessionTtl(), defaults.maxSessions(),
                    defaults.goalTtl(), defaults.maxGoals(), defaults.maxWebSocketConnections(),
                    defaults.webSocketIdleTimeout());
            RunningServer server = RunningServer.start(served, config, port);
            Thread hook = new Thread(() -> {
                server.requestStop();
                try {
                    finished.await(15, TimeUnit.SECONDS); // let the job close the model and say goodbye
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "foresight-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            running = server;
            started.countDown();
            ServeSummary.printStarted(console, served, server);
            try {
                server.awaitStop();
            } finally {
                server.close();
                removeHook(hook);
            }
            long[] counts = server.answeredAndFailed();
            console.say("stopped after %.0f s: %d requests answered, %d refused or failed", server.uptimeSeconds(),
                    counts[0], counts[1]);
            return new JobResult()
                    .put("model_id", served.model().modelId())
                    .put("url", server.url())
                    .put("untrained", served.untrained())
                    .put("uptime_seconds", server.uptimeSeconds())
                    .put("requests_answered", counts[0])
                    .put("requests_failed", counts[1]);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is stopping us
        }
    }

    /** The server once it is listening (for tests), or null after {@code timeout}. */
    RunningServer awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? running : null;
    }
}
