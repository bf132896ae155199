package org.frameproof.media;

import java.lang.reflect.Field;

/** A probe worker that dies the way a decoder with a memory bug does: a write to address 0. */
public final class CrashingProbeWorker {
    private CrashingProbeWorker() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        System.err.println(ProbeWorker.PROGRESS + "0.1");
        Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
        unsafe.putAddress(0, 42);
    }
}
