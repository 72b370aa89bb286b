package ai.foresight.experiments.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobResultTest {
    @Test
    void keepsInsertionOrderAndWritesOneJsonLine() {
        JobResult result = new JobResult().put("frames_per_second", 12.5).put("out", Path.of("runs/x")).put("worlds", List.of("wall"));
        assertEquals("{\"frames_per_second\":12.5,\"out\":\"runs/x\",\"worlds\":[\"wall\"]}", result.toString());
    }

    @Test
    void rejectsKeysThatAreNotSnakeCase() {
        assertThrows(IllegalArgumentException.class, () -> new JobResult().put("framesPerSecond", 1));
        assertThrows(IllegalArgumentException.class, () -> new JobResult().put("frames-per-second", 1));
        assertThrows(IllegalArgumentException.class, () -> new JobResult().put("_x", 1));
    }
}
