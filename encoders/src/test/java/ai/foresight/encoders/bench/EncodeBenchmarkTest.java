package ai.foresight.encoders.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import org.junit.jupiter.api.Test;

class EncodeBenchmarkTest {

    @Test
    void reportsConsistentFigures() {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu())) {
            BenchmarkResult r = EncodeBenchmark.run(enc, 8, 1, 3);
            assertEquals(8 / r.secondsPerBatch(), r.framesPerSecond(), 1e-6 * r.framesPerSecond());
            assertEquals(VitConfig.tiny().flopsPerFrame(32, 32) / 1e9, r.gflopsPerFrame(), 1e-12);
            assertEquals(r.framesPerSecond() * r.gflopsPerFrame(), r.achievedGflops(), 1e-9);
            assertTrue(r.matmulGflops() > 0.1, "a matmul runs at some speed: " + r.matmulGflops());
            assertEquals(r.achievedGflops() / r.matmulGflops(), r.efficiency(), 1e-12);
            assertEquals(enc.id(), r.encoderId());
            assertThrows(IllegalArgumentException.class, () -> EncodeBenchmark.run(enc, 0, 1, 1));
        }
    }
}
