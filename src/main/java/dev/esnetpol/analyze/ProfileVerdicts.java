package dev.esnetpol.analyze;

import java.util.EnumMap;
import java.util.Map;

/**
 * One cluster read under every {@link Profile}: what each says about one pair or one flow, so a caller can
 * report "allowed on reference, denied on cilium". Analyzers are built on first use, one per profile.
 */
public final class ProfileVerdicts {

    private final Cluster cluster;
    private final Map<Profile, Analyzer> analyzers = new EnumMap<>(Profile.class);

    private ProfileVerdicts(Cluster cluster) {
        this.cluster = cluster;
    }

    public static ProfileVerdicts of(Cluster cluster) {
        return new ProfileVerdicts(cluster);
    }

    /** The analyzer of one profile (built once). */
    public Analyzer analyzer(Profile profile) {
        return analyzers.computeIfAbsent(profile, p -> Analyzer.of(cluster, p));
    }

    /** What {@code from} may open to {@code to} under each profile, in {@link Profile} order. */
    public Map<Profile, Connections> allowed(Node from, Node to) {
        Map<Profile, Connections> out = new EnumMap<>(Profile.class);
        for (Profile p : Profile.values()) {
            out.put(p, analyzer(p).allowed(from, to));
        }
        return out;
    }

    /** Whether one flow ({@code protocol}/{@code port}) is allowed under each profile. */
    public Map<Profile, Boolean> allows(Node from, Node to, String protocol, int port) {
        Map<Profile, Boolean> out = new EnumMap<>(Profile.class);
        for (Profile p : Profile.values()) {
            out.put(p, analyzer(p).allowed(from, to).allows(protocol, port));
        }
        return out;
    }

    /** Whether every profile gives the same verdict for the flow. */
    public boolean agree(Node from, Node to, String protocol, int port) {
        return allows(from, to, protocol, port).values().stream().distinct().count() == 1;
    }

    /**
     * The explanation under {@code decides}, with the verdicts of the other profiles where they differ from
     * it (the explanation's {@link Explanation#differingProfiles()}).
     */
    public Explanation explain(Profile decides, Node from, Node to, String protocol, int port) {
        Explanation e = analyzer(decides).explain(from, to, protocol, port);
        Map<Profile, Boolean> differing = new EnumMap<>(Profile.class);
        for (Profile p : Profile.values()) {
            if (p != decides) {
                boolean other = analyzer(p).explain(from, to, protocol, port).allowed();
                if (other != e.allowed()) {
                    differing.put(p, other);
                }
            }
        }
        return e.withDifferingProfiles(differing);
    }
}
