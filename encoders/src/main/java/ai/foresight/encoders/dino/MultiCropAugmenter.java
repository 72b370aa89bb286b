package ai.foresight.encoders.dino;

import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * DINO's multi-crop data augmentation (Caron et al., 2021, Appendix; BYOL's colour pipeline) with
 * OpenCV: random resized crop (aspect 3/4–4/3, bicubic), horizontal flip, colour jitter (brightness,
 * contrast, saturation, hue in random order), greyscale, Gaussian blur (always on the first global
 * view, 10% on the second, 50% on local views) and solarisation (second global view only).
 *
 * <p>Deterministic: the same frames and the same random generator state give the same crops.
 */
public final class MultiCropAugmenter {
    private static final double FIRST_GLOBAL_BLUR = 1.0;
    private static final double SECOND_GLOBAL_BLUR = 0.1;
    private static final double LOCAL_BLUR = 0.5;

    private final MultiCropConfig config;

    public MultiCropAugmenter(MultiCropConfig config) {
        this.config = config;
    }

    public MultiCropConfig config() {
        return config;
    }

    /** All views of {@code frames}, laid out as {@link CropBatch} describes. */
    public CropBatch augment(List<Frame> frames, SplittableRandom random) {
        int b = frames.size();
        int g = config.globalSize();
        int l = config.localSize();
        int globalPlane = 3 * g * g;
        int localPlane = 3 * l * l;
        float[] globals = new float[2 * b * globalPlane];
        float[] locals = new float[config.localCrops() * b * localPlane];
        for (int i = 0; i < b; i++) {
            Frame src = frames.get(i);
            try (BytePointer pixels = new BytePointer(src.data());
                    Mat full = new Mat(src.height(), src.width(), opencv_core.CV_8UC3, pixels)) {
                for (int v = 0; v < 2; v++) {
                    FramePixels.writeChw(globalView(full, v, random), globals, (v * b + i) * globalPlane);
                }
                for (int v = 0; v < config.localCrops(); v++) {
                    FramePixels.writeChw(localView(full, random), locals, (v * b + i) * localPlane);
                }
            }
        }
        return new CropBatch(b, g, l, config.localCrops(), globals, locals);
    }

    /** Global view 0 or 1 of {@code src}. */
    public Frame globalView(Frame src, int view, SplittableRandom random) {
        try (BytePointer pixels = new BytePointer(src.data());
                Mat full = new Mat(src.height(), src.width(), opencv_core.CV_8UC3, pixels)) {
            return globalView(full, view, random);
        }
    }

    private Frame globalView(Mat src, int view, SplittableRandom random) {
        return view(src, config.globalSize(), config.globalScaleMin(), config.globalScaleMax(),
                view == 0 ? FIRST_GLOBAL_BLUR : SECOND_GLOBAL_BLUR, view == 1 ? config.solarizeProbability() : 0, random);
    }

    /** One local view of {@code src}. */
    public Frame localView(Frame src, SplittableRandom random) {
        try (BytePointer pixels = new BytePointer(src.data());
                Mat full = new Mat(src.height(), src.width(), opencv_core.CV_8UC3, pixels)) {
            return localView(full, random);
        }
    }

    private Frame localView(Mat src, SplittableRandom random) {
        return view(src, config.localSize(), config.localScaleMin(), config.localScaleMax(), LOCAL_BLUR, 0, random);
    }

    /** One view of the RGB image {@code full}: crop, resize, flip, jitter, greyscale, blur, solarise. */
    private Frame view(Mat full, int size, double scaleMin, double scaleMax, double blurP, double solarizeP,
            SplittableRandom random) {
        int[] box = randomBox(full.rows(), full.cols(), scaleMin, scaleMax, random); // x, y, w, h
        try (Rect rect = new Rect(box[0], box[1], box[2], box[3]);
                Mat roi = new Mat(full, rect);
                Mat img = new Mat();
                Size dsize = new Size(size, size)) {
            opencv_imgproc.resize(roi, img, dsize, 0, 0, opencv_imgproc.INTER_CUBIC);
            if (random.nextDouble() < 0.5) {
                opencv_core.flip(img, img, 1);
            }
            if (random.nextDouble() < config.jitterProbability()) {
                jitter(img, random);
            }
            if (random.nextDouble() < config.grayscaleProbability()) {
                grayscale(img);
            }
            if (random.nextDouble() < blurP) {
                double sigma = config.blurSigmaMin() + random.nextDouble() * (config.blurSigmaMax() - config.blurSigmaMin());
                try (Size auto = new Size(0, 0)) {
                    opencv_imgproc.GaussianBlur(img, img, auto, sigma);
                }
            }
            byte[] out = new byte[size * size * 3];
            img.data().get(out);
            if (random.nextDouble() < solarizeP) {
                for (int i = 0; i < out.length; i++) {
                    int v = out[i] & 0xFF;
                    out[i] = (byte) (v >= 128 ? 255 - v : v);
                }
            }
            return new Frame(size, size, out);
        }
    }

    /** torchvision's RandomResizedCrop box: area fraction in [min, max], aspect in [3/4, 4/3]; x, y, w, h. */
    static int[] randomBox(int height, int width, double scaleMin, double scaleMax, SplittableRandom random) {
        double area = (double) height * width;
        double logLow = Math.log(3.0 / 4);
        double logHigh = Math.log(4.0 / 3);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (scaleMin + random.nextDouble() * (scaleMax - scaleMin));
            double ratio = Math.exp(logLow + random.nextDouble() * (logHigh - logLow));
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= width && h <= height) {
                int y = random.nextInt(height - h + 1);
                int x = random.nextInt(width - w + 1);
                return new int[] {x, y, w, h};
            }
        }
        return new int[] {0, 0, width, height};
    }

    private void jitter(Mat img, SplittableRandom random) {
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int op : order) {
            switch (op) {
                case 0 -> img.convertTo(img, -1, factor(config.brightness(), random), 0);
                case 1 -> {
                    double c = factor(config.contrast(), random);
                    img.convertTo(img, -1, c, (1 - c) * meanGray(img));
                }
                case 2 -> saturate(img, factor(config.saturation(), random));
                default -> shiftHue(img, (random.nextDouble() * 2 - 1) * config.hue());
            }
        }
    }

    /** A multiplicative factor uniform in [max(0, 1 − s), 1 + s], as torchvision's ColorJitter. */
    private static double factor(double strength, SplittableRandom random) {
        double low = Math.max(0, 1 - strength);
        return low + random.nextDouble() * (1 + strength - low);
    }

    private static double meanGray(Mat img) {
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(img, gray, opencv_imgproc.COLOR_RGB2GRAY);
            return opencv_core.mean(gray).get(0);
        }
    }

    private static void saturate(Mat img, double s) {
        try (Mat gray = new Mat(); Mat gray3 = new Mat()) {
            opencv_imgproc.cvtColor(img, gray, opencv_imgproc.COLOR_RGB2GRAY);
            opencv_imgproc.cvtColor(gray, gray3, opencv_imgproc.COLOR_GRAY2RGB);
            opencv_core.addWeighted(img, s, gray3, 1 - s, 0, img);
        }
    }

    private static void grayscale(Mat img) {
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(img, gray, opencv_imgproc.COLOR_RGB2GRAY);
            opencv_imgproc.cvtColor(gray, img, opencv_imgproc.COLOR_GRAY2RGB);
        }
    }

    /** Rotates hue by {@code turn} of the colour circle (OpenCV's 8-bit hue runs 0..179). */
    private static void shiftHue(Mat img, double turn) {
        int shift = (int) Math.round(turn * 180);
        if (shift == 0) {
            return;
        }
        try (Mat hsv = new Mat()) {
            opencv_imgproc.cvtColor(img, hsv, opencv_imgproc.COLOR_RGB2HSV);
            byte[] bytes = new byte[(int) (hsv.total() * 3)];
            hsv.data().get(bytes);
            for (int i = 0; i < bytes.length; i += 3) {
                bytes[i] = (byte) Math.floorMod((bytes[i] & 0xFF) + shift, 180);
            }
            hsv.data().put(bytes);
            opencv_imgproc.cvtColor(hsv, img, opencv_imgproc.COLOR_HSV2RGB);
        }
    }
}
