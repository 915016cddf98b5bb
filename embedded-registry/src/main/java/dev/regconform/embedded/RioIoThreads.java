package dev.regconform.embedded;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cqfn.rio.IoExecutor;

/**
 * Makes the file I/O threads of Artipie's {@code FileStorage} daemon threads.
 *
 * <p>{@code FileStorage} reads and writes through {@code org.cqfn.rio.file.File}, which runs on
 * {@link IoExecutor#shared()}: a process-wide, never shut down, fixed pool of <em>non-daemon</em>
 * threads ({@code rio-0}, {@code rio-1}, ...). Once a blob has been stored, the JVM could then not
 * exit by returning from {@code main}, even after {@link EmbeddedArtipieRegistry#close()}. Before
 * rio creates that pool lazily, we put an equivalent pool of daemon threads into its cache field
 * (rio 0.3: {@code private static volatile ExecutorService shr}, guarded by the class monitor).
 * If rio already created its own pool, or its internals differ, nothing is changed.
 */
final class RioIoThreads {

    private RioIoThreads() {
    }

    /**
     * Installs the daemon pool once; later calls are no-ops.
     *
     * @return whether rio's shared executor is (now) the daemon pool installed here
     */
    static boolean ensureDaemon() {
        return Holder.INSTALLED;
    }

    /** Lazy, thread-safe, once per class loader. */
    private static final class Holder {
        static final boolean INSTALLED = install();
    }

    private static boolean install() {
        try {
            final Field shared = IoExecutor.class.getDeclaredField("shr");
            shared.setAccessible(true);
            synchronized (IoExecutor.class) {
                if (shared.get(null) != null) {
                    return false;
                }
                final AtomicInteger count = new AtomicInteger();
                final ExecutorService pool = Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors(),
                    run -> {
                        final Thread thread = new Thread(run, "regconform-rio-" + count.getAndIncrement());
                        thread.setDaemon(true);
                        return thread;
                    }
                );
                shared.set(null, pool);
                return true;
            }
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }
}
