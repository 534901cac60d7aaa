/** The shipped working-day calendar lives with the other shipped resources (src/resources/work-calendar.ts). */
export { addWorkingDays, calendarCovers, calendarFile, isWorkingDay, loadShippedTable, shippedCalendar, shippedTable } from '../resources/work-calendar.js';
