package io.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void shouldPadToTheNextPowerOfTwoSoThatEachSizeClassIsOneQueryText() {
        assertEquals("(:id0)", InList.of("id", List.of("a")).placeholders());
        assertEquals("(:id0, :id1)", InList.of("id", List.of("a", "b")).placeholders());
        assertEquals("(:id0, :id1, :id2, :id3)", InList.of("id", List.of("a", "b", "c")).placeholders());
        assertEquals(InList.of("id", List.of(1, 2, 3, 4, 5)).placeholders(), InList.of("id", List.of(1, 2, 3, 4, 5, 6, 7, 8)).placeholders());
    }

    @Test
    void shouldRefuseAnEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> InList.of("id", List.of()));
    }
}
