package ai.foresight.worldmodel.checkpoint;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The code and library versions recorded in every checkpoint's provenance. */
public final class BuildInfo {
    private static volatile String commit;
    private static volatile boolean commitResolved;

    private BuildInfo() {}

    /** Java, DJL, engine and Foresight versions. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.version"));
        v.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        v.put("engine", engine.getEngineName() + " " + engine.getVersion());
        String own = BuildInfo.class.getPackage().getImplementationVersion();
        v.put("foresight", own == null ? "dev" : own);
        return v;
    }

    /**
     * The git commit of the working directory, with "-dirty" when tracked files have uncommitted changes,
     * or null when git or a repository is not available. Resolved once per JVM.
     */
    public static String gitCommit() {
        if (!commitResolved) {
            synchronized (BuildInfo.class) {
                if (!commitResolved) {
                    String head = run("git", "rev-parse", "HEAD");
                    if (head != null && !head.isBlank()) {
                        String status = run("git", "status", "--porcelain", "--untracked-files=no");
                        commit = head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
                    }
                    commitResolved = true;
                }
            }
        }
        return commit;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
