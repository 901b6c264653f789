package id.ruangaman.conversation.text;

/** How exact a rough date is. The parsed date is the first day of the period (Monday for WEEK). */
public enum DatePrecision { DAY, WEEK, MONTH, YEAR }
