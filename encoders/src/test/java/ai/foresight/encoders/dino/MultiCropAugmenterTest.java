package ai.foresight.encoders.dino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.image.Frame;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiCropAugmenterTest {

    @Test
    void producesEveryViewAtItsSizeDeterministically() {
        List<Frame> frames = SyntheticFrames.source(1, 3, 40, 2).frames(0);
        MultiCropAugmenter aug = new MultiCropAugmenter(MultiCropConfig.tiny());
        CropBatch a = aug.augment(frames, new SplittableRandom(9));
        CropBatch b = aug.augment(frames, new SplittableRandom(9));
        CropBatch c = aug.augment(frames, new SplittableRandom(10));
        assertEquals(2 * 3 * 3 * 32 * 32, a.globals().length);
        assertEquals(2 * 3 * 3 * 16 * 16, a.locals().length);
        assertArrayEquals(a.globals(), b.globals(), 0f);
        assertArrayEquals(a.locals(), b.locals(), 0f);
        assertFalse(java.util.Arrays.equals(a.globals(), c.globals()), "another seed gives other crops");
        for (float v : a.globals()) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v + " outside 0..1");
        }
    }

    @Test
    void withoutPhotometricChangesACropKeepsTheSourceColours() {
        // a uniform frame stays uniform under crop, flip and blur when jitter, greyscale and solarise are off
        Frame f = Frame.blank(24, 24);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                f.set(y, x, 200, 100, 50);
            }
        }
        MultiCropConfig plain = new MultiCropConfig(16, 8, 1, 0.4, 1, 0.1, 0.4, 0, 0, 0, 0, 0, 0, 0.1, 1.0, 0);
        Frame view = new MultiCropAugmenter(plain).globalView(f, 0, new SplittableRandom(1));
        assertEquals(16, view.height());
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                assertEquals(200, view.get(y, x, 0));
                assertEquals(100, view.get(y, x, 1));
                assertEquals(50, view.get(y, x, 2));
            }
        }
    }

    @Test
    void cropBoxesStayInsideAndCoverTheRequestedArea() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            int[] box = MultiCropAugmenter.randomBox(64, 48, 0.1, 0.4, r);
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= 48 && box[1] + box[3] <= 64, "box outside the frame");
            double area = (double) box[2] * box[3] / (64 * 48);
            assertTrue(area > 0.08 && area < 0.45, "area fraction " + area);
            double aspect = (double) box[2] / box[3];
            assertTrue(aspect > 0.7 && aspect < 1.45, "aspect " + aspect);
        }
    }
}
