package ai.foresight.experiments.encode;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.encoders.PatchEncoder;
import java.time.Duration;

/**
 * Frames an encoder handles per CPU-second of this process (all its threads, native ones included):
 * unlike frames per wall-second, it barely moves when other processes share the cores, so it says
 * what the encoder would do on free cores (about cores x this, when the batch keeps them all busy).
 *
 * @param framesPerCpuSecond frames encoded per second of process CPU time
 * @param cpuSeconds CPU time spent on the timed passes
 * @param wallSeconds wall time of the timed passes
 * @param frames frames encoded in the timed passes
 */
public record EncodeCpuCost(double framesPerCpuSecond, double cpuSeconds, double wallSeconds, long frames) {

    private static final long MIN_CPU_NANOS = 200_000_000L;

    /**
     * Times at least {@code passes} forward passes of a random {@code batch}, after one untimed pass, and
     * more until 0.2 CPU-seconds are on the clock (a tiny encoder's few passes can fall within one tick).
     */
    public static EncodeCpuCost measure(PatchEncoder encoder, int batch, int passes) {
        if (batch < 1 || passes < 1) {
            throw new IllegalArgumentException("batch/passes: expected at least 1 each, got " + batch + ", " + passes);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            NDArray pixels = manager.randomUniform(0, 1, new Shape(batch, 3, encoder.inputHeight(), encoder.inputWidth()));
            pass(encoder, manager, pixels);
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            long done = 0;
            // at least `passes`, and on until the process clock (ticks of ~10 ms) has measured enough to divide by
            while (done < passes || cpuNanos() - cpu0 < MIN_CPU_NANOS) {
                pass(encoder, manager, pixels);
                done++;
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            long frames = (long) batch * done;
            return new EncodeCpuCost(frames / cpu, cpu, wall, frames);
        }
    }

    private static void pass(PatchEncoder encoder, NDManager manager, NDArray pixels) {
        try (NDManager step = manager.newSubManager()) {
            NDArray out = encoder.encode(pixels);
            out.toFloatArray();
            out.close();
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this platform does not report process CPU time"));
    }
}
