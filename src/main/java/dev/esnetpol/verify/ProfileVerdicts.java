package dev.esnetpol.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdicts of several analyzer profiles (the reference semantics, a CNI's) merged into one list of findings:
 * a finding every profile makes stays as it is; one that only some make becomes {@code CNI_DEPENDENT}, with
 * each profile's verdict on the connection ("allowed on reference, denied on cilium"). A missing flow is
 * denied where it was found and allowed elsewhere; an excess connection is allowed where it was found.
 */
public final class ProfileVerdicts {

    private ProfileVerdicts() {
    }

    /** @param byProfile one report per profile, in the order verdicts are to be listed */
    public static List<Finding> merge(Map<String, VerifyReport> byProfile) {
        Map<List<Object>, Map<String, Finding>> found = new LinkedHashMap<>();
        byProfile.forEach((profile, report) -> report.findings()
                .forEach(f -> found.computeIfAbsent(f.identity(), k -> new LinkedHashMap<>()).put(profile, f)));
        List<Finding> out = new ArrayList<>();
        for (Map<String, Finding> where : found.values()) {
            Finding first = where.values().iterator().next();
            if (where.size() == byProfile.size()) {
                out.add(first);
                continue;
            }
            List<Finding.ProfileVerdict> verdicts = new ArrayList<>();
            for (String profile : byProfile.keySet()) {
                boolean foundThere = where.containsKey(profile);
                verdicts.add(new Finding.ProfileVerdict(profile, first.kind() == Finding.Kind.MISSING ? !foundThere : foundThere));
            }
            out.add(new Finding(Finding.Kind.CNI_DEPENDENT, first.where(), first.from(), first.to(), first.connections(), first.flow(),
                    first.decisions(), verdicts));
        }
        return out;
    }
}
