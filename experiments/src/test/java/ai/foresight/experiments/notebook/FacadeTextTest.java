package ai.foresight.experiments.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The facade's text: shapes and values, never {@code Class@hash} placeholders. */
class FacadeTextTest {
    /** What Object.toString looks like: a class name, '@' and a hex hash. */
    static final Pattern PLACEHOLDER = Pattern.compile("[A-Za-z_$][\\w$.]*@[0-9a-f]{4,}");

    @Test
    void vectorsAndMatricesShowShapeAndLeadingValues() {
        assertEquals("(2) [1.5, -0.25]", ValueText.of(new double[] {1.5, -0.25}));
        assertEquals("(5) [1, 2, 3, …]", ValueText.of(new float[] {1, 2, 3, 4, 5}));
        assertEquals("(4, 2) [[1, 2], [3, 4], [5, 6], …]", ValueText.of(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}));
        assertEquals("(1, 2) [[0.5, 0.125]]", ValueText.of(new float[][] {{0.5f, 0.125f}}));
        assertEquals("[46.9, 0.0123]", ValueText.values(new double[] {46.91, 0.012345}));
        assertEquals("1.23e+04", ValueText.number(12345));
        assertEquals("20", ValueText.number(20.0));
    }

    @Test
    void ndArraysShowShapeValuesAndMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.arange(0f, 12f).reshape(new Shape(3, 4));
            assertEquals("(3, 4) [0, 1, 2, …] mean 5.5", ValueText.of(a));
            NDArray ints = m.create(new int[] {2, 4});
            assertEquals("(2) [2, 4] mean 3", ValueText.of(ints));
            assertEquals(DataType.INT32, ints.getDataType());
        }
    }

    @Test
    void worldTextShowsStateGoalAndDistance() {
        World world = World.wall();
        String text = world.toString();
        assertFalse(PLACEHOLDER.matcher(text).find(), text);
        assertTrue(text.startsWith("World[wall 64px seed 0: state ["), text);
        assertTrue(text.indexOf("goal [") < 80, "state and goal within JShell's 80-character preview: " + text);
        assertTrue(text.contains("distance " + ValueText.number(world.distance())), text);
    }

    @Test
    void previewLeavesTheWorldWhereItWas() {
        World world = World.wall();
        double[] before = world.state();
        double[][] actions = {{1, 0}, {1, 0}, {0, 1}};
        Trajectory preview = world.preview(actions, "test");
        assertArrayEquals(before, world.state());
        Trajectory executed = world.run(actions, "test");
        assertEquals(4, preview.frames().size());
        for (int t = 0; t < 4; t++) {
            assertEquals(executed.frames().get(t), preview.frames().get(t), "frame " + t);
        }
        assertArrayEquals(executed.distances(), preview.distances());
        assertFalse(PLACEHOLDER.matcher(executed.toString()).find(), executed.toString());
    }

    @Test
    void distractedWorldKeepsTheStateAndShowsTheCleanFrame() {
        World world = World.wall();
        world.reset(3);
        World shifted = world.withDistractors("shapes");
        assertArrayEquals(world.state(), shifted.state());
        assertEquals(world.observe().frame(), shifted.clean().frame());
        assertFalse(shifted.observe().frame().equals(shifted.clean().frame()), "distractors change the frame");
        assertTrue(shifted.toString().startsWith("World[wall+shapes 64px"), shifted.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.withDistractors("smoke"));
        assertTrue(e.getMessage().contains("smoke"), e.getMessage());
    }
}
