package dev.esnetpol.review;

import java.util.List;
import java.util.Map;

/**
 * One thing a reviewer must look at: a documented flow blocked ({@code MISSING}), a connection open that
 * nothing documents ({@code EXCESS}), an es-netpol policy that differs from what render produces
 * ({@code DRIFT}), one that is gone ({@code DELETED}) or no longer needed ({@code STALE}), or a policy of
 * someone else's that selects the installation's pods ({@code FOREIGN}); a flow whose verdict depends on the CNI
 * ({@code CNI_DEPENDENT}: allowed by one analyzer profile, denied by another); policies recorded with other generation
 * options than the reviewer asked for ({@code OPTIONS}, once); a rule that grants anywhere what the catalogue allows only
 * as a default ({@code OPEN}: not a failure unless the review is strict). {@code data} is verify's finding
 * as data (ends with roles, ports, flow, deciding rules: {@code FindingJson}) for the kinds about a connection.
 */
public record ReviewFinding(Kind kind, String subject, String message, List<String> details, Map<String, Object> data) {

    public enum Kind { MISSING, EXCESS, DRIFT, DELETED, STALE, FOREIGN, CNI_DEPENDENT, OPTIONS, OPEN }

    /** A finding about a policy: no connection data. */
    public ReviewFinding(Kind kind, String subject, String message, List<String> details) {
        this(kind, subject, message, details, Map.of());
    }
}
