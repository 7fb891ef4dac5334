package health.cms.admin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import health.cms.core.refusal.Refusal;

/** The calendar page: a month or a week of days from Monday to Sunday, each with its entries. */
public record CalendarView(Period period, LocalDate date, String title, LocalDate first, LocalDate last, String category,
        List<CategoryOption> categories, List<Week> weeks, LocalDate previous, LocalDate next, LocalDate today,
        String done, String failure) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** How much the page shows at once. */
    public enum Period {

        MONTH, WEEK;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Period parse(String value) {
            if (value == null || value.isBlank() || value.equals("month")) {
                return MONTH;
            }
            if (value.equals("week")) {
                return WEEK;
            }
            throw Refusal.invalid("view", "must be month or week");
        }
    }

    /** A category the page can be narrowed to. */
    public record CategoryOption(String slug, String name) {
    }

    /** One row of the grid. */
    public record Week(List<Day> days) {
    }

    /** How a day cell differs from an ordinary one. */
    public enum Mark {
        TODAY, OUTSIDE_PERIOD
    }

    /** One cell of the grid. */
    public record Day(LocalDate date, Set<Mark> marks, List<CalendarEntry> entries) {

        public boolean isToday() {
            return marks.contains(Mark.TODAY);
        }

        public boolean isOutside() {
            return marks.contains(Mark.OUTSIDE_PERIOD);
        }

        public int number() {
            return date.getDayOfMonth();
        }

        public String label() {
            return DAY.format(date);
        }
    }

    /** The days the page shows for this period around {@code date}: whole weeks, Monday first. */
    static LocalDate[] range(Period period, LocalDate date) {
        LocalDate start = period == Period.MONTH ? date.withDayOfMonth(1) : date;
        LocalDate end = period == Period.MONTH ? date.with(TemporalAdjusters.lastDayOfMonth()) : date;
        return new LocalDate[]{start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                end.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
    }

    static CalendarView of(Period period, LocalDate date, LocalDate today, String category,
            List<CategoryOption> categories, List<CalendarEntry> entries, String done, String failure) {
        LocalDate[] range = range(period, date);
        Map<LocalDate, List<CalendarEntry>> byDay = entries.stream()
                .collect(Collectors.groupingBy(CalendarEntry::day));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = range[0]; !monday.isAfter(range[1]); monday = monday.plusWeeks(1)) {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate day = monday.plusDays(i);
                Set<Mark> marks = EnumSet.noneOf(Mark.class);
                if (day.equals(today)) {
                    marks.add(Mark.TODAY);
                }
                if (period == Period.MONTH && day.getMonth() != date.getMonth()) {
                    marks.add(Mark.OUTSIDE_PERIOD);
                }
                days.add(new Day(day, marks, byDay.getOrDefault(day, List.of())));
            }
            weeks.add(new Week(days));
        }
        String title = period == Period.MONTH
                ? MONTH.format(date)
                : "Week of " + DAY.format(range[0]) + " to " + DAY.format(range[1]);
        LocalDate previous = period == Period.MONTH ? date.minusMonths(1).withDayOfMonth(1) : date.minusWeeks(1);
        LocalDate next = period == Period.MONTH ? date.plusMonths(1).withDayOfMonth(1) : date.plusWeeks(1);
        return new CalendarView(period, date, title, range[0], range[1], category, categories, weeks, previous, next,
                today, done, failure);
    }

    /** The query string that shows this page for another day, keeping the period and the category. */
    public String at(LocalDate day) {
        return query(period, day, category);
    }

    static String query(Period period, LocalDate day, String category) {
        return "view=" + period.value() + "&date=" + day + (category == null ? "" : "&category=" + category);
    }

    public boolean isEmpty() {
        return weeks.stream().allMatch(week -> week.days().stream().allMatch(day -> day.entries().isEmpty()));
    }
}
