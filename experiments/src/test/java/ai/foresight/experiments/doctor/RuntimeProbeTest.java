package ai.foresight.experiments.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeProbeTest {
    @Test
    void aNativeThatFailsToLoadIsReportedNotThrown() {
        ComponentCheck check = RuntimeProbe.check("libfoo", facts -> {
            facts.put("foo_version", "1.2");
            throw new UnsatisfiedLinkError("no foo in java.library.path\n  (second line)");
        });
        assertFalse(check.loaded());
        assertEquals("UnsatisfiedLinkError: no foo in java.library.path", check.error());
        assertEquals(Map.of("foo_version", "1.2"), check.facts(), "facts learned before the failure are kept");
    }

    @Test
    void aHealthyComponentIsOk() {
        ComponentCheck check = RuntimeProbe.check("fine", facts -> facts.put("threads", 2));
        assertTrue(check.loaded());
        assertNull(check.error());
        assertEquals(2, check.facts().get("threads"));
    }

    @Test
    void theJvmCheckReportsProcessors() {
        ComponentCheck java = RuntimeProbe.java();
        assertTrue(java.loaded());
        assertEquals(Runtime.getRuntime().availableProcessors(), java.facts().get("cpus"));
    }
}
