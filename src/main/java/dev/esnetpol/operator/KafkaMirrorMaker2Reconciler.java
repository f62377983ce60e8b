package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.KafkaMirrorMaker2;

/** The policy of a geo-replicator (KafkaMirrorMaker2). */
public final class KafkaMirrorMaker2Reconciler extends InstanceMemberReconciler<KafkaMirrorMaker2> {

    public KafkaMirrorMaker2Reconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(KafkaMirrorMaker2.class, "kafka-mirror-maker-2", generator, applier, metrics);
    }
}
