package io.caretaker.hub.telemetry;

import io.caretaker.deviceprofiles.canonical.PointSample;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between ingest and the telemetry writer, first in first out. Unlike an
 * {@code ArrayBlockingQueue} it takes a poll's samples under one lock and wakes the writer once, not once per sample.
 */
final class SampleBuffer {

    private final PointSample[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int count;

    SampleBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a telemetry buffer holds at least one sample, not " + capacity);
        }
        this.items = new PointSample[capacity];
    }

    /** Adds as many of {@code samples} as there is room for, in order; how many it took (the rest are not kept). */
    int offer(List<PointSample> samples) {
        lock.lock();
        try {
            int taken = Math.min(samples.size(), items.length - count);
            for (int i = 0; i < taken; i++) {
                items[(head + count + i) % items.length] = samples.get(i);
            }
            count += taken;
            if (taken > 0) {
                notEmpty.signal();
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest sample, waiting up to {@code timeout} for one; null when none came. */
    PointSample poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** Moves up to {@code max} of the oldest samples to {@code to}; how many it moved. */
    int drainTo(Collection<? super PointSample> to, int max) {
        lock.lock();
        try {
            int n = Math.min(max, count);
            for (int i = 0; i < n; i++) {
                to.add(take());
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }

    private PointSample take() {
        PointSample sample = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return sample;
    }
}
