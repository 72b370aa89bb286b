package ai.foresight.experiments.serve;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.spi.ModelInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The benchmark's robots and goal: a seeded random camera frame of the model's size and a proprio vector per robot,
 * and one goal, each also as the base64 PNG a robot would send. The content does not change a plan's cost.
 */
final class BenchScene {
    private final Frame[] frames;
    private final String[] pngs;
    private final float[][] proprio;

    BenchScene(ModelInfo info, int robots, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        frames = new Frame[robots + 1];
        pngs = new String[robots + 1];
        proprio = new float[robots + 1][info.proprioDim()];
        for (int i = 0; i <= robots; i++) {
            byte[] rgb = new byte[info.frameBytes()];
            for (int b = 0; b < rgb.length; b++) {
                rgb[b] = (byte) random.nextInt(256);
            }
            frames[i] = new Frame(info.imageHeight(), info.imageWidth(), rgb);
            pngs[i] = png(frames[i]);
            for (int d = 0; d < proprio[i].length; d++) {
                proprio[i][d] = (float) random.nextDouble(-1, 1);
            }
        }
    }

    Frame robotFrame(int robot) {
        return frames[robot + 1];
    }

    String robotPng(int robot) {
        return pngs[robot + 1];
    }

    float[] robotProprio(int robot) {
        return proprio[robot + 1].clone();
    }

    Frame goalFrame() {
        return frames[0];
    }

    String goalPng() {
        return pngs[0];
    }

    float[] goalProprio() {
        return proprio[0].clone();
    }

    private static String png(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, (frame.get(y, x, 0) << 16) | (frame.get(y, x, 1) << 8) | frame.get(y, x, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
