package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.List;
import java.util.Optional;

/**
 * The policies of one resource's namespace as the operator knows them: the informer caches, with the
 * operator's own latest writes in front until the informers have seen them. Reading a policy right after
 * writing it gives the written version, so the next write carries its resourceVersion and never conflicts
 * with the operator's own previous one.
 */
interface PolicyCache {

    /** The policy of that name, es-netpol's or not. */
    Optional<NetworkPolicy> named(String name);

    /** Every policy the resource controls. */
    List<NetworkPolicy> owned();

    /** A policy the operator just created, as the API server answered. */
    void created(NetworkPolicy policy);

    /** A policy the operator just updated, as the API server answered, and the version it replaced. */
    void updated(NetworkPolicy policy, NetworkPolicy previous);
}
