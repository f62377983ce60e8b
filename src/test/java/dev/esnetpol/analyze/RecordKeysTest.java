package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The records of the analysis whose equals and hashCode are written out (to spare the start of a short run the
 * records' ObjectMethods bootstraps; see {@link NamedPort}) behave as a record's own: two instances are equal
 * exactly when every component is, and equal instances hash alike. A component added later and left out of
 * equals fails here.
 */
class RecordKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "dev.esnetpol.analyze.NamedPort",
            "dev.esnetpol.analyze.Owner",
            "dev.esnetpol.analyze.Pod",
            "dev.esnetpol.analyze.PodClasses$ClassKey",
            "dev.esnetpol.analyze.PodClasses$Address",
            "dev.esnetpol.analyze.CompiledPolicies$PeerKey",
            "dev.esnetpol.analyze.IpBlockIndex$Network"})
    void equalExactlyWhenEveryComponentIs(String name) throws Exception {
        Class<?> type = Class.forName(name);
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        Object[] values = Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray();
        Object record = canonical.newInstance(values);
        // Equal component values in fresh objects: equal, same hash.
        Object same = canonical.newInstance(Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray());
        assertEquals(record, same);
        assertEquals(record.hashCode(), same.hashCode());
        assertNotEquals(record, null);
        assertNotEquals(record, "a string");
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = sample(components[i].getType(), 1);
            Object other = canonical.newInstance(changed);
            assertNotEquals(record, other, name + " equals ignores " + components[i].getName());
            assertNotEquals(other, record, name + " equals ignores " + components[i].getName());
        }
    }

    /** Two different values (variant 0 and 1) of a component type, each made afresh on every call. */
    private static Object sample(Class<?> type, int variant) {
        String s = variant == 0 ? "a" : "b";
        if (type == String.class) {
            return s;
        } else if (type == int.class) {
            return variant + 1;
        } else if (type == boolean.class) {
            return variant == 1;
        } else if (type == Map.class) {
            return Map.of("app", s);
        } else if (type == Set.class) {
            return Set.of(new NamedPort(s, 80, "TCP"));
        } else if (type == List.class) {
            return List.of(s);
        } else if (type == BitSet.class) {
            BitSet b = new BitSet();
            b.set(variant + 1);
            return b;
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(variant + 10);
        } else if (type == Owner.class) {
            return new Owner("Deployment", s);
        } else if (type == io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer.class) {
            return new NetworkPolicyPeerBuilder().withNewPodSelector().addToMatchLabels("app", s).endPodSelector().build();
        }
        throw new IllegalArgumentException("no sample of " + type + ": add one");
    }
}
