package ai.foresight.experiments.report;

import ai.foresight.datasets.image.Frame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Frames as AWT images for reports: conversion from a (H, W, 3) uint8 {@link Frame}, nearest-neighbour
 * upscaling (so a 64 px world stays crisp at 256 px) and side-by-side composition (observed | clean,
 * imagined | real).
 */
public final class FrameImage {
    private FrameImage() {}

    /** {@code frame} as an RGB image of the same size. */
    public static BufferedImage of(Frame frame) {
        int h = frame.height();
        int w = frame.width();
        byte[] rgb = frame.data();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            int base = y * w * 3;
            for (int x = 0; x < w; x++) {
                int i = base + x * 3;
                row[x] = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        return image;
    }

    /** The whole-number factor that brings {@code size} pixels up to at least {@code target} (1 if already there). */
    public static int factorFor(int size, int target) {
        if (size <= 0) {
            throw new IllegalArgumentException("size: expected a positive pixel count, got " + size);
        }
        return Math.max(1, (target + size - 1) / size);
    }

    /** {@code image} enlarged {@code factor} times, each pixel becoming a factor x factor block. */
    public static BufferedImage upscale(BufferedImage image, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor: expected at least 1, got " + factor);
        }
        if (factor == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w * factor, h * factor, BufferedImage.TYPE_INT_RGB);
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] row = new int[w * factor];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                java.util.Arrays.fill(row, x * factor, (x + 1) * factor, src[y * w + x]);
            }
            for (int k = 0; k < factor; k++) {
                out.setRGB(0, y * factor + k, row.length, 1, row, 0, row.length);
            }
        }
        return out;
    }

    /** {@code images} placed left to right, top-aligned, {@code gap} pixels of {@code background} apart. */
    public static BufferedImage sideBySide(List<BufferedImage> images, int gap, Color background) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("images: expected at least one image");
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap: expected at least 0 pixels, got " + gap);
        }
        int width = gap * (images.size() - 1);
        int height = 0;
        for (BufferedImage image : images) {
            width += image.getWidth();
            height = Math.max(height, image.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
