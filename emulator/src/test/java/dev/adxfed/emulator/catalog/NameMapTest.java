package dev.adxfed.emulator.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameMapTest {

    @Test
    void behavesAsASortedMapAndEveryVersionStaysAsItWas() {
        Random random = new Random(7);
        TreeMap<String, Integer> expected = new TreeMap<>();
        NameMap<Integer> map = NameMap.of(Map.of());
        List<NameMap<Integer>> versions = new ArrayList<>();
        List<Map<String, Integer>> snapshots = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String key = "T" + random.nextInt(800);
            if (random.nextInt(4) == 0) {
                expected.remove(key);
                map = map.without(key);
            } else {
                expected.put(key, i);
                map = map.with(key, i);
            }
            if (i % 500 == 0) {
                versions.add(map);
                snapshots.add(new TreeMap<>(expected));
            }
        }
        assertThat(map).containsExactlyEntriesOf(expected);
        assertThat(map.size()).isEqualTo(expected.size());
        assertThat(map.firstKey()).isEqualTo(expected.firstKey());
        assertThat(map.lastKey()).isEqualTo(expected.lastKey());
        assertThat(map.get("T1")).isEqualTo(expected.get("T1"));
        assertThat(map.containsKey("nope")).isFalse();
        for (int v = 0; v < versions.size(); v++) {
            assertThat(versions.get(v)).as("version %d", v).containsExactlyEntriesOf(snapshots.get(v));
        }
        NameMap<Integer> last = map;
        assertThatThrownBy(() -> last.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
