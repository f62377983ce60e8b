package dev.esnetpol.verify;

import dev.esnetpol.generate.Flow;

import java.util.List;

/**
 * What verify checked and what it found.
 *
 * @param components the installations' own pods, the first of each pod group (those least privilege is checked for)
 * @param open       the grants to any address or pod the policies make as documented defaults ({@link OpenGrant}): not
 *                   findings (they do not make a verification unclean) unless a strict run says so
 */
public record VerifyReport(int flowsChecked, int pairsChecked, List<Finding> findings, List<CheckedFlow> checks, List<End> components,
                           List<OpenGrant> open) {

    public VerifyReport {
        open = List.copyOf(open);
    }

    /** One documented flow checked between two concrete ends, and whether it is open. */
    public record CheckedFlow(String installation, Flow flow, End from, End to, boolean open) {
    }

    public List<Finding> missing() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.MISSING).toList();
    }

    public List<Finding> excess() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.EXCESS).toList();
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** Clean, and (when {@code strict}) no grant open by default either. */
    public boolean clean(boolean strict) {
        return clean() && (!strict || open.isEmpty());
    }

    public String summary() {
        long dependent = findings.stream().filter(f -> f.kind() == Finding.Kind.CNI_DEPENDENT).count();
        return "verify: " + flowsChecked + " documented flows checked, " + missing().size() + " missing; "
                + pairsChecked + " pod/peer pairs checked for least privilege, " + excess().size() + " excess"
                + (dependent == 0 ? "" : "; " + dependent + " depend on the network plugin")
                + (open.isEmpty() ? "" : "; " + open.size() + " grant(s) open to anywhere by default (OPEN above: each says what narrows it)");
    }
}
