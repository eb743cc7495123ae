package io.lede.image;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Rendition sizes come in steps ({@code lede.images.widths}): {@code w} is rounded up to the next
 * step (above the largest, down to it), {@code h} given with {@code w} is scaled by the same factor
 * (at most 4096, the largest size a request may name),
 * and {@code h} alone is rounded up to a step. A client can then ask for only so many distinct
 * renditions of a picture, and nearby sizes share one generated file.
 */
@ApplicationScoped
public class RenditionSteps {

    private final int[] steps;

    public RenditionSteps(ImageConfig config) {
        this.steps = config.widths().stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        if (steps.length == 0 || steps[0] < 1) {
            throw new IllegalArgumentException("lede.images.widths must list positive widths");
        }
    }

    ImageCodec.Spec snap(ImageCodec.Spec spec) {
        if (spec.width() != null) {
            int width = step(spec.width());
            // Capped like any size (w=1&h=4096 would scale h to 655,360), which also bounds how many heights there are.
            Integer height = spec.height() == null ? null
                    : (int) Math.max(1, Math.min(ImageParams.MAX_SIDE, Math.round(spec.height() * (double) width / spec.width())));
            return new ImageCodec.Spec(width, height, spec.fit(), spec.format());
        }
        if (spec.height() != null) {
            return new ImageCodec.Spec(null, step(spec.height()), spec.fit(), spec.format());
        }
        return spec;
    }

    /** Every step, smallest first. */
    int[] steps() {
        return steps.clone();
    }

    /** The smallest step at least this large, or the largest step. */
    int step(int size) {
        int at = Arrays.binarySearch(steps, size);
        int index = at >= 0 ? at : -at - 1;
        return steps[Math.min(index, steps.length - 1)];
    }
}
