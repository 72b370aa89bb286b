package ai.foresight.encoders;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where an artefact came from: the component that wrote it, its config, seed, the git commit of the
 * code and the versions of the engine underneath. Written as JSON beside every checkpoint.
 *
 * @param component what wrote the artefact, e.g. {@code "dino-pretrainer"}
 * @param config the component's config record
 * @param seed the run's seed
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, the system property
 *     {@code foresight.git.commit} if set, or "unknown"
 * @param versions Java, DJL, engine and Foresight versions
 * @param createdAt ISO-8601 time of writing
 */
public record Provenance(
        String component, Object config, long seed, String gitCommit, Map<String, String> versions, String createdAt) {

    /** Captures the current code and engine versions. */
    public static Provenance capture(String component, Object config, long seed) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.version"));
        versions.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        versions.put("engine", engine.getEngineName() + " " + engine.getVersion());
        String own = Provenance.class.getPackage().getImplementationVersion();
        versions.put("foresight", own == null ? "development" : own);
        return new Provenance(component, config, seed, currentGitCommit(), versions, Instant.now().toString());
    }

    private static String currentGitCommit() {
        String pinned = System.getProperty("foresight.git.commit");
        if (pinned != null && !pinned.isBlank()) {
            return pinned;
        }
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "unknown";
                }
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
