package ai.foresight.datasets.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.image.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The factory, the background rule and the whole-frame shifts against independent references. */
class ShiftsTest {

    @Test
    void unknownIdIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Shifts.parse("shapes,rain", 1));
        assertEquals("distractors: unknown id 'rain', expected one of [texture, shapes, tv, color-shift, lighting]",
                e.getMessage());
        var dup = assertThrows(IllegalArgumentException.class, () -> Shifts.parse("tv, tv", 1));
        assertEquals("distractors: 'tv' listed twice", dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shifts.parse("tv,,shapes", 1));
    }

    @Test
    void parseAppliesAFixedOrderAndTrims() {
        assertEquals(List.of("shapes", "tv", "lighting"), Shifts.parse(" tv , lighting,shapes", 1).ids());
        assertTrue(Shifts.parse("", 1).isEmpty());
    }

    @Test
    void configsRejectBadValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MovingShapes.Config(0, 0.1, 0.2, 0.1));
        assertTrue(e.getMessage().startsWith("count:"));
        assertThrows(IllegalArgumentException.class, () -> new NoisyTv.Config(0.5, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ShiftStack.Config(-1));
    }

    @Test
    void shapeCentresAreWhereTheShapeIsPainted() {
        MovingShapes shapes = new MovingShapes(new MovingShapes.Config(1, 0.1, 0.1, 0.2), 5);
        assertThrows(IllegalStateException.class, () -> shapes.centres(0));
        int size = 41;
        shapes.reset(123, size, size);
        BackgroundMask all = new BackgroundMask();
        Frame blank = Frame.blank(size, size);
        all.update(blank, BackgroundMask.dominantColour(blank), 0);
        for (int step : new int[] {0, 7, 30}) {
            Frame f = blank.copy();
            shapes.apply(f, all, step);
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (f.get(y, x, 0) + f.get(y, x, 1) + f.get(y, x, 2) > 0) {
                        sx += x;
                        sy += y;
                        n++;
                    }
                }
            }
            double[] c = shapes.centres(step);
            assertTrue(n > 0, "the shape is drawn at step " + step);
            // a shape cut by the frame edge has its painted centroid pulled inwards by up to a radius
            double slack = 0.1 * size / (size - 1.0) + 1.0 / size;
            assertEquals(c[0], sx / n / (size - 1), slack, "x at step " + step);
            assertEquals(c[1], sy / n / (size - 1), slack, "y at step " + step);
        }
    }

    @Test
    void backgroundIsTheDominantColourWithinTolerance() {
        Frame f = new Frame(4, 4, new byte[48]);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                f.set(y, x, 10, 20, 30);
            }
        }
        f.set(0, 0, 12, 21, 29);
        f.set(1, 1, 200, 0, 0);
        f.set(2, 2, 200, 0, 0);
        assertEquals(0x0A141E, BackgroundMask.dominantColour(f));
        BackgroundMask m = new BackgroundMask();
        m.update(f, 0x0A141E, 0);
        assertEquals(13, m.count());
        m.update(f, 0x0A141E, 2);
        assertEquals(14, m.count());
        assertTrue(!m.isBackground(1, 1) && m.isBackground(0, 0));
    }

    @Test
    void colourShiftMatchesTheHueRotationMatrix() {
        ColorShift shift = new ColorShift(ColorShift.Config.defaults(), 17);
        double[][] m = ColorShift.hueRotation(shift.degrees());
        Frame f = new Frame(1, 5, new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 10, 100, (byte) 200, 77, 77, 77, 0, 0, 0});
        Frame out = f.copy();
        shift.apply(out, null, 0);
        for (int x = 0; x < 5; x++) {
            for (int o = 0; o < 3; o++) {
                double want = 0;
                for (int i = 0; i < 3; i++) {
                    want += m[o][i] * f.get(0, x, i);
                }
                want = Math.max(0, Math.min(255, want));
                assertEquals(want, out.get(0, x, o), 1.0, "pixel " + x + " channel " + o);
            }
        }
        assertEquals(77, out.get(0, 3, 0), "grey stays grey");
        assertEquals(77, out.get(0, 3, 2));
        assertTrue(shift.degrees() >= 60 && shift.degrees() <= 300);
    }

    @Test
    void lightingMatchesItsFormula() {
        Lighting light = new Lighting(Lighting.Config.defaults(), 5);
        int h = 6;
        int w = 9;
        Frame f = new Frame(h, w, new byte[h * w * 3]);
        for (int i = 0; i < f.data().length; i++) {
            f.data()[i] = (byte) (i * 37 % 256);
        }
        Frame out = f.copy();
        light.reset(0, h, w);
        light.apply(out, null, 0);
        double c = Math.cos(light.direction());
        double s = Math.sin(light.direction());
        double extent = Math.abs(c) * (w - 1) + Math.abs(s) * (h - 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ramp = (c * (x - (w - 1) / 2.0) + s * (y - (h - 1) / 2.0)) / extent;
                for (int ch = 0; ch < 3; ch++) {
                    double want = 255 * Math.pow(f.get(y, x, ch) / 255.0, light.gamma()) * light.brightness()
                            * (1 + light.gradient() * ramp);
                    assertEquals(Math.min(255, want), out.get(y, x, ch), 1.0);
                }
            }
        }
    }

    @Test
    void shapesBounceInsideTheFrame() {
        assertEquals(3.0, MovingShapes.bounce(3, 10));
        assertEquals(8.0, MovingShapes.bounce(12, 10));
        assertEquals(2.0, MovingShapes.bounce(-2, 10));
        assertEquals(1.0, MovingShapes.bounce(21, 10));
    }
}
