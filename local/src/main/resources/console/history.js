// Reads an execution's event history into what happened to each state: its visits (one per StateEntered),
// each visit's input, output, attempts (retries), error and cause, and a status for the graph.
// Only the public HistoryEvent shape is used (id, previousEventId, timestamp, type, <type>EventDetails).

import { toDate } from './dom.js';

/** Graph statuses, in the order "worst first" used when several visits of one state must be summed up. */
export const STATUSES = ['failed', 'aborted', 'caught', 'in-progress', 'succeeded', 'not-reached'];

const SCHEDULED = /^(Task|LambdaFunction|Activity)Scheduled$/;
const ATTEMPT_FAILED = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed)$|^LambdaFunctionStartFailed$/;
const ATTEMPT_SUCCEEDED = /^(Task|LambdaFunction|Activity)Succeeded$/;
const TASK_EVENT = /^(Task|LambdaFunction|Activity)/;
const GROUP_EVENT = /^(Map|Parallel)(State|Iteration|Run)/;

/** The details object of an event: the one property named ...EventDetails. */
export function detailsOf(event) {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') return value;
  }
  return null;
}

/**
 * Analyses a history (oldest first).
 * Returns {states: Map<name, {status, visits}>, stepOf: Map<eventId, stateName>, startedAt: Date|null}.
 * insideMap: names of states that run once per Map item; their status is the worst of their visits,
 * where every other state shows its latest visit (a loop or a redrive re-enters a state).
 */
export function analyse(events, insideMap = new Set()) {
  const visits = [];
  const byEvent = new Map();
  const stepOf = new Map();
  const open = [];
  let startedAt = null;

  const openVisit = (predicate) => {
    for (let i = open.length - 1; i >= 0; i--) if (predicate(open[i])) return open[i];
    return null;
  };
  const close = (visit, status) => {
    visit.status = status;
    const index = open.indexOf(visit);
    if (index >= 0) open.splice(index, 1);
  };
  const fail = (visit, details) => {
    if (details && (details.error !== undefined || details.cause !== undefined)) {
      visit.error = details.error;
      visit.cause = details.cause;
      visit.failed = true;
    }
  };

  for (const event of events) {
    const type = String(event.type || '');
    const details = detailsOf(event) || {};
    const time = toDate(event.timestamp);
    if (type === 'ExecutionStarted' && !startedAt) startedAt = time;

    let visit = null;
    if (type.endsWith('StateEntered')) {
      visit = {
        name: details.name, type: type.slice(0, -'StateEntered'.length), enteredId: event.id, enteredAt: time,
        input: details.input, output: undefined, attempts: [], iterations: 0, status: 'in-progress',
      };
      visits.push(visit);
      if (visit.type === 'Fail') {
        visit.failed = true;
        visit.status = 'failed';
      } else {
        open.push(visit);
      }
    } else if (type.endsWith('StateExited')) {
      visit = openVisit(v => v.name === details.name);
      if (visit) {
        visit.output = details.output;
        visit.exitedAt = time;
        const last = visit.attempts[visit.attempts.length - 1];
        close(visit, visit.failed && (!last || last.failed || visit.groupFailed) ? 'caught' : 'succeeded');
      }
    } else if (/^(Task|Wait|Map|Parallel)StateAborted$/.test(type)) {
      // A branch cut short because another branch of its Parallel (or another Map iteration) failed.
      const kind = type.slice(0, -'StateAborted'.length);
      visit = byEvent.get(event.previousEventId) || openVisit(v => v.type === kind);
      if (visit && visit.status === 'in-progress') close(visit, 'aborted');
    } else if (TASK_EVENT.test(type)) {
      visit = byEvent.get(event.previousEventId) || openVisit(v => v.type === 'Task');
      if (visit) {
        if (SCHEDULED.test(type)) {
          visit.attempts.push({ scheduledAt: time, resource: details.resource, failed: false });
        } else if (ATTEMPT_FAILED.test(type)) {
          let attempt = visit.attempts[visit.attempts.length - 1];
          if (!attempt) visit.attempts.push(attempt = { scheduledAt: time, failed: false });
          Object.assign(attempt, { failed: true, error: details.error, cause: details.cause, endedAt: time, outcome: type });
          fail(visit, details);
        } else if (ATTEMPT_SUCCEEDED.test(type)) {
          const attempt = visit.attempts[visit.attempts.length - 1];
          if (attempt) Object.assign(attempt, { endedAt: time, outcome: type });
        }
      }
    } else if (GROUP_EVENT.test(type)) {
      const kind = type.startsWith('Map') ? 'Map' : 'Parallel';
      visit = openVisit(v => v.type === kind);
      if (visit) {
        if (type === 'MapIterationStarted') visit.iterations++;
        if (/(State|Run)(Failed|Aborted)$/.test(type)) {
          visit.groupFailed = true;
          visit.failed = true;
          fail(visit, details);
        }
      }
    } else if (type === 'EvaluationFailed') {
      visit = byEvent.get(event.previousEventId) || openVisit(() => true);
      if (visit) fail(visit, details);
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
      const status = type === 'ExecutionAborted' ? 'aborted' : 'failed';
      for (const v of [...open]) {
        if (!v.error && status === 'failed') fail(v, details);
        close(v, status);
      }
      for (const v of visits) {
        if (v.type === 'Fail' && !v.error && status === 'failed') fail(v, details);
      }
    }

    if (visit) {
      byEvent.set(event.id, visit);
      stepOf.set(event.id, visit.name);
    }
  }

  const states = new Map();
  for (const visit of visits) {
    if (!states.has(visit.name)) states.set(visit.name, { name: visit.name, visits: [] });
    states.get(visit.name).visits.push(visit);
  }
  for (const state of states.values()) {
    const list = state.visits;
    if (list.some(v => v.status === 'in-progress')) state.status = 'in-progress';
    else if (insideMap.has(state.name)) state.status = worst(list.map(v => v.status));
    else state.status = list[list.length - 1].status;
  }
  return { states, stepOf, startedAt };
}

function worst(statuses) {
  return STATUSES.find(s => statuses.includes(s)) || 'not-reached';
}
