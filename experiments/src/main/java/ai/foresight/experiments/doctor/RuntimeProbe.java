package ai.foresight.experiments.doctor;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads each native runtime Foresight stands on (libtorch through DJL, ND4J with its BLAS, OpenCV
 * through JavaCPP) and reports its version and thread settings. Every check catches its own failure
 * ({@link LinkageError}s included), so one broken native is reported while the others still are.
 */
public final class RuntimeProbe {
    private static final String ND4J_GIT_PROPERTIES = "/org/eclipse/org.nd4j-nd4j-api-git.properties";

    private RuntimeProbe() {}

    /** All checks, in the order doctor prints them. */
    public static List<ComponentCheck> all() {
        return List.of(java(), djl(), nd4j(), opencv());
    }

    /** The JVM: version, vendor, processors, heap limit and the thread variables natives read. */
    public static ComponentCheck java() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("java_version", System.getProperty("java.version"));
        facts.put("java_vendor", System.getProperty("java.vendor"));
        facts.put("cpus", Runtime.getRuntime().availableProcessors());
        facts.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        facts.put("omp_num_threads", System.getenv("OMP_NUM_THREADS"));
        return ComponentCheck.ok("java", facts);
    }

    /** DJL and the libtorch it loads, with libtorch's intra-op and inter-op thread counts. */
    public static ComponentCheck djl() {
        return check("djl", facts -> {
            facts.put("djl_version", Engine.getDjlVersion());
            Engine engine = Engine.getEngine("PyTorch");
            facts.put("libtorch_version", engine.getVersion());
            facts.put("torch_threads", JniUtils.getNumThreads());
            facts.put("torch_interop_threads", JniUtils.getNumInteropThreads());
        });
    }

    /** ND4J: version, backend, BLAS vendor and its thread count. */
    public static ComponentCheck nd4j() {
        return check("nd4j", facts -> {
            facts.put("nd4j_version", nd4jVersion());
            facts.put("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
            facts.put("nd4j_blas", Nd4j.factory().blas().getBlasVendor().name());
            facts.put("nd4j_threads", Nd4j.getEnvironment().maxThreads());
        });
    }

    /** OpenCV through the JavaCPP presets: versions of both and OpenCV's thread count. */
    public static ComponentCheck opencv() {
        return check("opencv", facts -> {
            facts.put("javacpp_version", Loader.getVersion());
            // cv::String arrives with its terminating NUL
            facts.put("opencv_version", opencv_core.getVersionString().getString().replace("\0", "").strip());
            facts.put("opencv_threads", opencv_core.getNumThreads());
        });
    }

    /** Fills in facts about a component; may fail in any way a native library can. */
    @FunctionalInterface
    public interface Probe {
        void fill(Map<String, Object> facts) throws Exception;
    }

    /**
     * Runs {@code probe}, turning any exception or {@link LinkageError} (a missing or broken native
     * library) into a failed check that keeps the facts gathered before the failure.
     */
    public static ComponentCheck check(String component, Probe probe) {
        Map<String, Object> facts = new LinkedHashMap<>();
        try {
            probe.fill(facts);
            return ComponentCheck.ok(component, facts);
        } catch (Exception | LinkageError e) {
            return ComponentCheck.failed(component, facts, e);
        }
    }

    private static String nd4jVersion() throws IOException {
        try (InputStream in = Nd4j.class.getResourceAsStream(ND4J_GIT_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("git.build.version", "unknown");
        }
    }
}
