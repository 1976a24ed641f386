package io.github.jvmadvisor.core.ingest.jfr;

import java.util.IdentityHashMap;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * What a sink derives from a stack trace, remembered per stack trace object: the JDK's parser hands out
 * one object per distinct stack of a chunk, so most samples repeat a stack already seen and the walk
 * over its frames (the costly part of reading samples) is done once. Bounded: cleared when full.
 */
final class StackCache<T> {

    private static final int MAX = 50_000;
    private final IdentityHashMap<RecordedStackTrace, T> map = new IdentityHashMap<>();

    T get(RecordedStackTrace stack, Function<RecordedStackTrace, T> derive) {
        T v = map.get(stack);
        if (v == null) {
            if (map.size() >= MAX) {
                map.clear();
            }
            v = derive.apply(stack);
            map.put(stack, v);
        }
        return v;
    }
}
