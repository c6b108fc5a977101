// Public API of the service-level stage: working-time arithmetic and SLA evaluation of tickets.
export { section, yamlDoc, defaultServiceConfig, serviceConfigOf, workCalendar, type ServiceConfig, type ServiceLevel } from './config.js';
export { toInstant, toLocal, localNow, workingMinutesBetween, addWorkingMinutes, elapsedMinutes, isWorkingDay, type WorkCalendar } from './worktime.js';
export { parseDuration, durationMinutes, formatMinutes } from './duration.js';
export { evaluateSla, slaSummary, breaches, percentile, levelFor, measureTicket, type TicketSla, type SlaGroup, type Breach } from './sla.js';
