package ai.foresight.experiments.planbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpProfileTest {
    @TempDir
    Path tmp;

    @Test
    void selfTimeSubtractsNestedCallsPerThread() throws IOException {
        // linear (10 us) calls mm (6 us) which calls copy_ (1 us); add (3 us) on its own; thread 2 has an mm of 4 us
        Path trace = tmp.resolve("trace.json");
        Files.writeString(trace, """
                [
                 {"name": "aten::linear", "ph": "X", "ts": 100, "dur": 10, "tid": 1},
                 {"name": "aten::mm", "ph": "X", "ts": 102, "dur": 6, "tid": 1},
                 {"name": "aten::copy_", "ph": "X", "ts": 103, "dur": 1, "tid": 1},
                 {"name": "aten::add", "ph": "X", "ts": 120, "dur": 3, "tid": 1},
                 {"name": "aten::mm", "ph": "X", "ts": 101, "dur": 4, "tid": 2},
                 {"name": "marker", "ph": "i", "ts": 101, "tid": 1}
                ]""");
        OpProfile p = OpProfile.parse(trace);
        assertEquals(4e-6, p.selfSeconds().get("aten::linear"), 1e-12);
        assertEquals(9e-6, p.selfSeconds().get("aten::mm"), 1e-12);
        assertEquals(1e-6, p.selfSeconds().get("aten::copy_"), 1e-12);
        assertEquals(3e-6, p.selfSeconds().get("aten::add"), 1e-12);
        assertEquals(2, p.calls().get("aten::mm"));
        assertEquals(17e-6, p.totalSeconds(), 1e-12); // the wall time of the top-level ops
        assertEquals(9e-6, p.gemmSeconds(), 1e-12);
        assertEquals("aten::mm", p.top(1).keySet().iterator().next());
    }

    @Test
    void profilesRealLibtorchWork() throws IOException {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray a = m.randomUniform(-1f, 1f, new Shape(128, 128));
            OpProfile p = OpProfile.of(() -> {
                for (int i = 0; i < 3; i++) {
                    a.matMul(a).add(a).close();
                }
            });
            assertEquals(3, p.calls().get("aten::mm"));
            assertTrue(p.gemmSeconds() > 0 && p.gemmSeconds() <= p.totalSeconds());
        }
    }
}
