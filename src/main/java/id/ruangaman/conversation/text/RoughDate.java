package id.ruangaman.conversation.text;

import java.time.LocalDate;

/** A date read from free text, with how exact it is. */
public record RoughDate(LocalDate date, DatePrecision precision) {
}
