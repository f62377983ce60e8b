package dev.esnetpol.bench;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The full connectivity matrix of a cluster: compile every policy, then ask every pod class about every
 * other. {@code size} is pods:policies. The tear-down prints the heap the analyzer holds for that cluster.
 *
 * <pre>mvn -B -Pbench -DskipTests package && java -jar target/benchmarks.jar AnalyzerBenchmark -p size=5000:1000 -p shape=standard,namespaces,ipblocks</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AnalyzerBenchmark {

    @Param({"100:20", "1000:200", "5000:1000", "20000:4000"})
    public String size;

    /** A {@link SyntheticCluster.Shape}. */
    @Param({"standard"})
    public String shape;

    /** A {@link Profile} id. */
    @Param({"reference"})
    public String profile;

    private Cluster cluster;

    @Setup(Level.Trial)
    public void build() {
        String[] parts = size.split(":");
        cluster = SyntheticCluster.of(SyntheticCluster.Shape.valueOf(shape), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 42);
    }

    @Benchmark
    public long fullMatrix() {
        Analyzer analyzer = Analyzer.of(cluster, Profile.parse(profile));
        long allowedPairs = 0;
        for (int[] row : analyzer.matrix().ids()) {
            for (int c : row) {
                if (c != 0) {
                    allowedPairs++;
                }
            }
        }
        return allowedPairs;
    }

    @TearDown(Level.Trial)
    public void memory() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Analyzer analyzer = Analyzer.of(cluster);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%n[memory] %s: %d pod classes, analyzer retains ~%.1f MiB (heap in use with cluster and analyzer: %.1f MiB)%n",
                size, analyzer.classes().size(), (after - before) / 1048576.0, after / 1048576.0);
    }
}
