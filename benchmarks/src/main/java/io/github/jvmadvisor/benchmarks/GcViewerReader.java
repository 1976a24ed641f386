package io.github.jvmadvisor.benchmarks;

import com.tagtraum.perf.gcviewer.imp.DataReaderException;
import com.tagtraum.perf.gcviewer.imp.DataReaderFacade;
import com.tagtraum.perf.gcviewer.model.GCModel;
import com.tagtraum.perf.gcviewer.model.GCResource;
import com.tagtraum.perf.gcviewer.model.GcResourceFile;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Reads a GC log with GCViewer 1.36's parser (no GUI), counting its stop-the-world pauses. The
 * comparison anchor; nothing of it is in the library.
 */
final class GcViewerReader {

    private GcViewerReader() {
    }

    /** Pause count and total pause microseconds. */
    static long[] read(Path log) throws DataReaderException {
        GCResource resource = new GcResourceFile(log.toFile());
        resource.getLogger().setLevel(Level.SEVERE); // a warning per unrecognised line otherwise
        GCModel model = new DataReaderFacade().loadModel(resource);
        return new long[] {model.getPause().getN(), Math.round(model.getPause().getSum() * 1e6)};
    }
}
