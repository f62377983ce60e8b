package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of ports (1-65535) as sorted, disjoint, non-adjacent ranges. Immutable. Port sets are what rules
 * add up and what both sides of a connection intersect, so union and intersection are the operations.
 */
public final class PortSet {

    public static final int MIN = 1;
    public static final int MAX = 65535;
    public static final PortSet NONE = new PortSet(new int[0]);
    public static final PortSet ALL = new PortSet(new int[]{MIN, MAX});

    /** Pairs: ranges[2i]..ranges[2i+1], inclusive. */
    private final int[] ranges;

    private PortSet(int[] ranges) {
        this.ranges = ranges;
    }

    public static PortSet of(int port) {
        return range(port, port);
    }

    public static PortSet range(int first, int last) {
        int lo = Math.max(MIN, first);
        int hi = Math.min(MAX, last);
        return lo > hi ? NONE : new PortSet(new int[]{lo, hi});
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    public boolean isAll() {
        return ranges.length == 2 && ranges[0] == MIN && ranges[1] == MAX;
    }

    public boolean contains(int port) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (port >= ranges[i] && port <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    public boolean containsAll(PortSet other) {
        return other.isEmpty() || isAll() || other.intersect(this).equals(other);
    }

    public PortSet union(PortSet other) {
        if (other.isEmpty() || this.isAll()) {
            return this;
        }
        if (this.isEmpty() || other.isAll()) {
            return other;
        }
        int[] all = new int[ranges.length + other.ranges.length];
        System.arraycopy(ranges, 0, all, 0, ranges.length);
        System.arraycopy(other.ranges, 0, all, ranges.length, other.ranges.length);
        return normalize(all);
    }

    public PortSet intersect(PortSet other) {
        if (isEmpty() || other.isAll()) {
            return this;
        }
        if (other.isEmpty() || isAll()) {
            return other;
        }
        int[] out = new int[ranges.length + other.ranges.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < ranges.length && j < other.ranges.length) {
            int lo = Math.max(ranges[i], other.ranges[j]);
            int hi = Math.min(ranges[i + 1], other.ranges[j + 1]);
            if (lo <= hi) {
                out[size++] = lo;
                out[size++] = hi;
            }
            if (ranges[i + 1] < other.ranges[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return size == 0 ? NONE : new PortSet(Arrays.copyOf(out, size));
    }

    public PortSet minus(PortSet other) {
        if (other.isEmpty() || isEmpty()) {
            return this;
        }
        PortSet result;
        int start = MIN;
        // complement of other, intersected with this
        int[] o = other.ranges;
        List<Integer> comp = new ArrayList<>();
        for (int i = 0; i < o.length; i += 2) {
            if (o[i] > start) {
                comp.add(start);
                comp.add(o[i] - 1);
            }
            start = o[i + 1] + 1;
        }
        if (start <= MAX) {
            comp.add(start);
            comp.add(MAX);
        }
        result = new PortSet(comp.stream().mapToInt(Integer::intValue).toArray());
        return intersect(result);
    }

    /** The ranges as {first, last} pairs. */
    public List<int[]> ranges() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            out.add(new int[]{ranges[i], ranges[i + 1]});
        }
        return out;
    }

    private static PortSet normalize(int[] pairs) {
        int n = pairs.length / 2;
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = ((long) pairs[2 * k] << 32) | (pairs[2 * k + 1] & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] out = new int[pairs.length];
        int size = 0;
        for (long p : packed) {
            int lo = (int) (p >> 32);
            int hi = (int) p;
            if (size > 0 && lo <= out[size - 1] + 1) {
                out[size - 1] = Math.max(out[size - 1], hi);
            } else {
                out[size++] = lo;
                out[size++] = hi;
            }
        }
        return new PortSet(Arrays.copyOf(out, size));
    }

    /** {@code 80,443,8000-8080}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                sb.append('-').append(ranges[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet p && Arrays.equals(ranges, p.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }
}
