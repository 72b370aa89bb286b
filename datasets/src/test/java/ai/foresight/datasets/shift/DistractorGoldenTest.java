package ai.foresight.datasets.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-for-byte regression of the background distractors: every frame of two episodes (the first
 * replayed after the second, so reset must redraw everything from the episode seed), painted over
 * a scene with a foreground block, must hash to what was recorded before their shared per-episode
 * code was extracted. Pure Java integer and double arithmetic, so the hashes hold on any JVM.
 */
class DistractorGoldenTest {
    private static final int H = 24;
    private static final int W = 32;

    static Stream<Arguments> distractors() {
        return Stream.of(
                Arguments.of("texture", (LongFunction<FrameShift>) s -> new DriftingTexture(DriftingTexture.Config.defaults(), s),
                        0xf04097b8e345e39dL),
                Arguments.of("texture-fast", (LongFunction<FrameShift>) s -> new DriftingTexture(new DriftingTexture.Config(3, 5.5), s),
                        0x71bcf7286923d869L),
                Arguments.of("shapes", (LongFunction<FrameShift>) s -> new MovingShapes(MovingShapes.Config.defaults(), s), 0xca99fffe0ff38bf0L),
                Arguments.of("shapes-big", (LongFunction<FrameShift>) s -> new MovingShapes(new MovingShapes.Config(7, 0.1, 0.3, 0.2), s),
                        0xce65526f74593590L),
                Arguments.of("tv", (LongFunction<FrameShift>) s -> new NoisyTv(NoisyTv.Config.defaults(), s), 0x63683f297aa30f85L),
                Arguments.of("tv-fine", (LongFunction<FrameShift>) s -> new NoisyTv(new NoisyTv.Config(0.5, 0.9, 0.02), s), 0xe0c94ab14e8550f9L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distractors")
    void framesAreByteForByteUnchanged(String name, LongFunction<FrameShift> factory, long expected) {
        FrameShift shift = factory.apply(0x5EEDL);
        Frame clean = scene();
        BackgroundMask mask = new BackgroundMask();
        mask.update(clean, BackgroundMask.dominantColour(clean), 0);
        long hash = 0xcbf29ce484222325L;
        List<Frame> firstEpisode = new ArrayList<>();
        long[] episodes = {3, 8, 3};
        for (int e = 0; e < episodes.length; e++) {
            shift.reset(episodes[e], H, W);
            for (int step = 0; step < 6; step++) {
                Frame frame = clean.copy();
                shift.apply(frame, mask, step);
                assertNotEquals(clean, frame, name + ": episode " + episodes[e] + " step " + step + " painted nothing");
                assertForegroundUntouched(name, clean, frame);
                if (e == 0) {
                    firstEpisode.add(frame);
                } else if (e == 2) {
                    assertEquals(firstEpisode.get(step), frame, name + ": replayed episode differs at step " + step);
                }
                for (byte b : frame.data()) {
                    hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
                }
            }
        }
        System.out.printf("%s: 0x%016xL%n", name, hash);
        assertEquals(expected, hash, name + String.format(": frames hash to 0x%016xL, not the recorded value", hash));
    }

    private static void assertForegroundUntouched(String name, Frame clean, Frame frame) {
        for (int y = 8; y < 16; y++) {
            for (int x = 10; x < 22; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(clean.get(y, x, c), frame.get(y, x, c), name + ": foreground pixel (" + y + ", " + x + ") changed");
                }
            }
        }
    }

    /** A flat grey-blue background with a red block in the middle (the foreground the distractors must not touch). */
    private static Frame scene() {
        Frame f = Frame.blank(H, W);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean block = y >= 8 && y < 16 && x >= 10 && x < 22;
                f.set(y, x, block ? 200 : 60, block ? 30 : 70, block ? 30 : 90);
            }
        }
        return f;
    }
}
