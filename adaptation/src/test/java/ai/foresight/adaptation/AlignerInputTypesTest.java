package ai.foresight.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The aligner cannot be handed a reward or a ground-truth state: its inputs are records whose components
 * are frames, actions, proprio readings and paired frames, and no public entry point accepts a dataset,
 * an episode or a training window (which carry reward and state arrays). The compiler enforces the
 * signatures; this test pins them so that adding such a parameter fails the build.
 */
class AlignerInputTypesTest {
    private static final Set<String> FORBIDDEN_TYPES = Set.of(
            "ai.foresight.datasets.store.Dataset", "ai.foresight.datasets.store.Episode",
            "ai.foresight.datasets.store.EpisodeSource", "ai.foresight.datasets.window.WindowBatch",
            "ai.foresight.datasets.window.WindowSampler", "ai.foresight.datasets.env.Env",
            "ai.foresight.worldmodel.train.WindowBatch", "ai.foresight.worldmodel.train.FeatureWindows");

    @Test
    void inputRecordsHoldObservationsAndActionsOnly() {
        assertEquals(List.of("frames", "actions", "proprio", "pairedFrames"), names(TargetBatch.class));
        assertEquals(List.of("frames"), names(SourceFrames.class));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void noPublicEntryPointTakesRewardsStatesOrDatasets() {
        List<Executable> entries = new ArrayList<>();
        for (Class<?> type : List.of(Aligner.class, AlignmentProbe.class, TargetBatch.class, SourceFrames.class)) {
            for (Constructor<?> c : type.getConstructors()) {
                entries.add(c);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    entries.add(m);
                }
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.getName().equals("step")), "Aligner.step must be among the checked methods");
        for (Executable e : entries) {
            for (Class<?> p : e.getParameterTypes()) {
                assertFalse(FORBIDDEN_TYPES.contains(p.getName()), e + " takes " + p.getName());
                if (p.isRecord()) {
                    for (RecordComponent c : p.getRecordComponents()) {
                        String name = c.getName().toLowerCase(Locale.ROOT);
                        assertFalse(name.contains("reward") || name.contains("state"), e + " takes " + p.getSimpleName()
                                + " with a component '" + c.getName() + "'");
                    }
                }
            }
        }
        Method step = Arrays.stream(Aligner.class.getMethods()).filter(m -> m.getName().equals("step")).findFirst().orElseThrow();
        assertEquals(List.of(SourceFrames.class, TargetBatch.class), List.of(step.getParameterTypes()));
    }
}
