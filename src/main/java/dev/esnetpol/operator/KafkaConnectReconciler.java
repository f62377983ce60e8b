package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.KafkaConnect;

/** The policy of a Kafka Connect cluster. */
public final class KafkaConnectReconciler extends InstanceMemberReconciler<KafkaConnect> {

    public KafkaConnectReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(KafkaConnect.class, "kafka-connect", generator, applier, metrics);
    }
}
