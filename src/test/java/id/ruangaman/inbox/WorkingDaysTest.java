package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final LocalDate FRIDAY = LocalDate.of(2025, 3, 7);

    @Test
    void shouldSkipWeekends() {
        WorkingDays days = new WorkingDays(List.of());
        assertEquals(LocalDate.of(2025, 3, 10), days.plus(FRIDAY, 1), "Friday + 1 working day is Monday");
        assertEquals(LocalDate.of(2025, 3, 14), days.plus(FRIDAY, 5));
        assertEquals(LocalDate.of(2025, 4, 18), days.plus(FRIDAY, 30), "30 working days are six calendar weeks");
        assertEquals(LocalDate.of(2025, 3, 10), days.plus(LocalDate.of(2025, 3, 8), 1), "Saturday + 1 is Monday");
    }

    @Test
    void shouldSkipConfiguredHolidays() {
        WorkingDays days = new WorkingDays(List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1)));
        assertEquals(LocalDate.of(2025, 3, 11), days.plus(FRIDAY, 1), "the Monday holiday is skipped");
        assertEquals(LocalDate.of(2025, 4, 23), days.plus(FRIDAY, 30), "three holidays push the deadline three working days");
        assertFalse(days.isWorkingDay(LocalDate.of(2025, 3, 31)));
        assertTrue(days.isWorkingDay(LocalDate.of(2025, 3, 12)));
    }

    @Test
    void shouldCountWorkingDaysLeft() {
        WorkingDays days = new WorkingDays(List.of(LocalDate.of(2025, 3, 12)));
        assertEquals(4, days.between(FRIDAY, LocalDate.of(2025, 3, 14)), "Mon, Tue, Thu, Fri");
        assertEquals(0, days.between(FRIDAY, FRIDAY));
        assertEquals(-4, days.between(LocalDate.of(2025, 3, 14), FRIDAY));
        assertEquals(0, days.plus(FRIDAY, 0).compareTo(FRIDAY));
    }
}
