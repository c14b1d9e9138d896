package io.distman.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The heap of this JVM (in-container: GlassFish's) while a piece of work runs, with the standard management
 * beans only: the heap pools' peak usage (reset at the start; an upper bound, garbage included) and the
 * largest heap in use after any garbage collection during the work (what the work kept alive).
 */
final class HeapWatch implements AutoCloseable {

    private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong liveAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    HeapWatch() {
        System.gc(); // start from what is alive, not from the previous test's garbage
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The sum of the heap pools' peaks since the start, in MB. */
    double peakMb() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }

    /** The most heap in use right after a collection during the work, in MB (0 if none ran). */
    double liveAfterGcMb() {
        return liveAfterGc.get() / 1e6;
    }

    static double maxMb() {
        return Runtime.getRuntime().maxMemory() / 1e6;
    }

    /** Reads the collection's "memory usage after GC" from the notification's open data (no com.sun classes). */
    private void collected(Notification notification, Object handback) {
        if (!GC_NOTIFICATION.equals(notification.getType()) || !(notification.getUserData() instanceof CompositeData info)) {
            return;
        }
        long used = 0;
        TabularData after = (TabularData) ((CompositeData) info.get("gcInfo")).get("memoryUsageAfterGc");
        for (Object row : after.values()) {
            CompositeData entry = (CompositeData) row;
            if (heapPoolNames.contains((String) entry.get("key"))) {
                used += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
            }
        }
        liveAfterGc.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
                // nothing to remove
            }
        }
    }
}
