package io.lede.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Base64;

/**
 * What an app paints before the picture arrives, computed once from the decoded upload: a ThumbHash
 * (a blurred miniature in about 25 bytes, decoded by the client) and the dominant colour.
 *
 * <p>Written here because no maintained ThumbHash library for Java is on Maven Central. The encoding
 * follows ThumbHash's published format (Evan Wallace, 2023), so every ThumbHash decoder reads it:
 * the picture, at most 100 pixels a side, is turned into luminance (L), two colour-difference
 * channels (P = yellow-blue, Q = red-green) and alpha, composited on its average colour; each channel
 * is summarised by a few low-frequency DCT coefficients (up to 7 along the longer side for L, 3 for P
 * and Q, 5 for alpha), quantised to 4 bits each after a 5-byte header (6 with alpha) that holds the
 * averages, the scales and the aspect ratio.
 */
final class Placeholders {

    /** Both placeholders of one image. */
    record Computed(String thumbhash, String dominantColor) {
    }

    private static final int MAX_SIDE = 100;

    private Placeholders() {
    }

    static Computed of(BufferedImage decoded) {
        BufferedImage small = shrink(decoded);
        int w = small.getWidth();
        int h = small.getHeight();
        int[] argb = small.getRGB(0, 0, w, h, null, 0, w);
        return new Computed(Base64.getEncoder().encodeToString(thumbhash(w, h, argb)), dominantColor(argb));
    }

    /** At most 100 pixels a side, aspect kept, drawn smoothly (ThumbHash only looks at low frequencies). */
    private static BufferedImage shrink(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(w, h));
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, sw, sh, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    /** The ThumbHash bytes of a picture of at most 100×100 pixels, given as ARGB ints. */
    static byte[] thumbhash(int w, int h, int[] argb) {
        int n = w * h;
        // The average colour, weighted by opacity: transparent pixels are composited onto it.
        double avgR = 0;
        double avgG = 0;
        double avgB = 0;
        double avgA = 0;
        for (int pixel : argb) {
            double alpha = (pixel >>> 24) / 255.0;
            avgR += alpha / 255.0 * ((pixel >> 16) & 255);
            avgG += alpha / 255.0 * ((pixel >> 8) & 255);
            avgB += alpha / 255.0 * (pixel & 255);
            avgA += alpha;
        }
        if (avgA > 0) {
            avgR /= avgA;
            avgG /= avgA;
            avgB /= avgA;
        }
        boolean hasAlpha = avgA < n;
        int lLimit = hasAlpha ? 5 : 7;
        int lx = Math.max(1, (int) Math.round(lLimit * w / (double) Math.max(w, h)));
        int ly = Math.max(1, (int) Math.round(lLimit * h / (double) Math.max(w, h)));

        double[] l = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            int pixel = argb[i];
            double alpha = (pixel >>> 24) / 255.0;
            double r = avgR * (1 - alpha) + alpha / 255.0 * ((pixel >> 16) & 255);
            double g = avgG * (1 - alpha) + alpha / 255.0 * ((pixel >> 8) & 255);
            double b = avgB * (1 - alpha) + alpha / 255.0 * (pixel & 255);
            l[i] = (r + g + b) / 3;
            p[i] = (r + g) / 2 - b;
            q[i] = r - g;
            a[i] = alpha;
        }
        Channel lc = Channel.of(l, w, h, Math.max(3, lx), Math.max(3, ly));
        Channel pc = Channel.of(p, w, h, 3, 3);
        Channel qc = Channel.of(q, w, h, 3, 3);
        Channel ac = hasAlpha ? Channel.of(a, w, h, 5, 5) : null;

        boolean landscape = w > h;
        int header24 = (int) Math.round(63 * lc.dc)
                | (int) Math.round(31.5 + 31.5 * pc.dc) << 6
                | (int) Math.round(31.5 + 31.5 * qc.dc) << 12
                | (int) Math.round(31 * lc.scale) << 18
                | (hasAlpha ? 1 : 0) << 23;
        int header16 = (landscape ? ly : lx)
                | (int) Math.round(63 * pc.scale) << 3
                | (int) Math.round(63 * qc.scale) << 9
                | (landscape ? 1 : 0) << 15;
        int acStart = hasAlpha ? 6 : 5;
        int acCount = lc.ac.length + pc.ac.length + qc.ac.length + (hasAlpha ? ac.ac.length : 0);
        byte[] hash = new byte[acStart + (acCount + 1) / 2];
        hash[0] = (byte) header24;
        hash[1] = (byte) (header24 >> 8);
        hash[2] = (byte) (header24 >> 16);
        hash[3] = (byte) header16;
        hash[4] = (byte) (header16 >> 8);
        if (hasAlpha) {
            hash[5] = (byte) ((int) Math.round(15 * ac.dc) | (int) Math.round(15 * ac.scale) << 4);
        }
        int index = 0;
        for (Channel channel : hasAlpha ? new Channel[] { lc, pc, qc, ac } : new Channel[] { lc, pc, qc }) {
            for (double f : channel.ac) {
                hash[acStart + (index >> 1)] |= (byte) ((int) Math.round(15 * f) << ((index & 1) * 4));
                index++;
            }
        }
        return hash;
    }

    /** One channel's DCT summary: the constant term, the others scaled into 0..1, and their scale. */
    private record Channel(double dc, double[] ac, double scale) {

        static Channel of(double[] values, int w, int h, int nx, int ny) {
            double dc = 0;
            double scale = 0;
            double[] ac = new double[nx * ny];
            int count = 0;
            double[] fx = new double[w];
            for (int cy = 0; cy < ny; cy++) {
                // Coefficients in a triangle: fewer horizontal frequencies as the vertical one grows.
                for (int cx = 0; cx * ny < nx * (ny - cy); cx++) {
                    for (int x = 0; x < w; x++) {
                        fx[x] = Math.cos(Math.PI / w * cx * (x + 0.5));
                    }
                    double f = 0;
                    for (int y = 0; y < h; y++) {
                        double fy = Math.cos(Math.PI / h * cy * (y + 0.5));
                        for (int x = 0; x < w; x++) {
                            f += values[x + y * w] * fx[x] * fy;
                        }
                    }
                    f /= w * h;
                    if (cx > 0 || cy > 0) {
                        ac[count++] = f;
                        scale = Math.max(scale, Math.abs(f));
                    } else {
                        dc = f;
                    }
                }
            }
            double[] terms = java.util.Arrays.copyOf(ac, count);
            if (scale > 0) {
                for (int i = 0; i < count; i++) {
                    terms[i] = 0.5 + 0.5 / scale * terms[i];
                }
            }
            return new Channel(dc, terms, scale);
        }
    }

    /**
     * The mean of the most common colour: pixels are counted in 4,096 bins (4 bits a channel),
     * mostly transparent ones only when nothing else is there, and the fullest bin's mean is taken,
     * so a photo of a blue sky over a small red boat gives the sky's blue, not a brownish average.
     */
    static String dominantColor(int[] argb) {
        long[] count = new long[4096];
        long[] sumR = new long[4096];
        long[] sumG = new long[4096];
        long[] sumB = new long[4096];
        boolean opaqueSeen = false;
        for (int pass = 0; pass < 2 && !opaqueSeen; pass++) {
            for (int pixel : argb) {
                if (pass == 0 && (pixel >>> 24) < 128) {
                    continue;
                }
                int r = (pixel >> 16) & 255;
                int g = (pixel >> 8) & 255;
                int b = pixel & 255;
                int bin = (r >> 4) << 8 | (g >> 4) << 4 | (b >> 4);
                count[bin]++;
                sumR[bin] += r;
                sumG[bin] += g;
                sumB[bin] += b;
                opaqueSeen = true;
            }
        }
        int best = 0;
        for (int bin = 1; bin < count.length; bin++) {
            if (count[bin] > count[best]) {
                best = bin;
            }
        }
        if (count[best] == 0) {
            return "#000000";
        }
        return String.format("#%02x%02x%02x", Math.round((double) sumR[best] / count[best]),
                Math.round((double) sumG[best] / count[best]), Math.round((double) sumB[best] / count[best]));
    }
}
