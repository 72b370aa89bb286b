package ai.foresight.experiments.serve;

import ai.foresight.experiments.job.JobConsole;
import ai.foresight.server.backend.ModelBackendConfig;
import ai.foresight.server.spi.ModelInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** What {@code foresight serve} tells its user when the server is up: the model, the planner, the URLs. */
public final class ServeSummary {
    private ServeSummary() {
    }

    /** Prints the model summary, the planner settings and where to connect. */
    public static void printStarted(JobConsole console, ServableModel served, RunningServer server) {
        ModelInfo info = server.backend().info();
        ModelBackendConfig c = served.backendConfig();
        console.say("model %s", served.model().summary());
        if (served.untrained()) {
            console.warn("%s is an untrained architecture: its plans are only good for testing and timing",
                    served.model().modelId());
        }
        console.say("actions: %d rows of A=%d per plan in %s..%s (one environment step each); proprio P=%d; frames %dx%d",
                info.chunkSize(), info.actionDim(), Arrays.toString(info.actionLow()), Arrays.toString(info.actionHigh()),
                info.proprioDim(), info.imageHeight(), info.imageWidth());
        console.say("planner: CEM horizon %d steps (%d frames), %d samples x %d iterations, %d elites; limits %d steps,"
                        + " %d samples, %d iterations, %d elites", info.defaults().horizon(), c.horizonFrames(),
                info.defaults().samples(), info.defaults().iterations(), info.defaults().elites(),
                info.limits().maxHorizon(), info.limits().maxSamples(), info.limits().maxIterations(),
                info.limits().maxElites());
        String url = server.url();
        console.say("serving at %s (POST /v1/plan, GET /v1/model, /healthz, /metrics; WebSocket %s/)%s", url,
                url.replaceFirst("^http", "ws"), server.config().bearerToken() != null ? "; token required" : "");
        console.say("press Ctrl-C to stop");
    }

    /** Whether {@code host} names only this machine (a loopback address or localhost). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
