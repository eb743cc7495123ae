package io.lede.live.stream;

import java.util.ArrayList;
import java.util.List;

/** The latest events of a stream: every event with an id in (base, last], oldest first. */
record Window(long base, long last, List<LiveEvent> events) {

    Window append(List<LiveEvent> fresh) {
        if (fresh.isEmpty()) {
            return this;
        }
        List<LiveEvent> all = new ArrayList<>(events);
        all.addAll(fresh);
        long newBase = base;
        if (all.size() > LiveHub.WINDOW) {
            List<LiveEvent> dropped = all.subList(0, all.size() - LiveHub.WINDOW);
            newBase = dropped.get(dropped.size() - 1).seq();
            all = new ArrayList<>(all.subList(all.size() - LiveHub.WINDOW, all.size()));
        }
        return new Window(newBase, fresh.get(fresh.size() - 1).seq(), List.copyOf(all));
    }
}
