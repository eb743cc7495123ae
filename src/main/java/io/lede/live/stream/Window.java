package io.lede.live.stream;

import java.util.ArrayList;
import java.util.List;

/** The latest events of a stream: every event with an id in (base, last], oldest first. */
record Window(long base, long last, List<LiveEvent> events) {

    /**
     * With these newer events, keeping at most {@code maxEvents} events and {@code maxChars}
     * characters of data (but always the newest one); the base moves past what is dropped.
     */
    Window append(List<LiveEvent> fresh, int maxEvents, long maxChars) {
        if (fresh.isEmpty()) {
            return this;
        }
        List<LiveEvent> all = new ArrayList<>(events);
        all.addAll(fresh);
        long chars = 0;
        int keep = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            chars += all.get(i).data().length();
            if (keep > 0 && (keep >= maxEvents || chars > maxChars)) {
                break;
            }
            keep++;
        }
        long newBase = base;
        if (keep < all.size()) {
            newBase = all.get(all.size() - keep - 1).seq();
            all = all.subList(all.size() - keep, all.size());
        }
        return new Window(newBase, fresh.get(fresh.size() - 1).seq(), List.copyOf(all));
    }
}
